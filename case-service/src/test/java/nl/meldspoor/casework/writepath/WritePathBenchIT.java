package nl.meldspoor.casework.writepath;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import nl.meldspoor.engines.JvmUpkeep;
import nl.meldspoor.platform.publishing.PublishingLane;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import nl.meldspoor.platform.security.StaffDirectory;
import nl.meldspoor.platform.testing.TestKafkaDirectory;
import nl.meldspoor.platform.testing.TestPostgres;
import nl.meldspoor.platform.testing.security.TestStaff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The write path's pace beside the raw engine, in one run on the embedded engines: N case openings and N colleague
 * consultations over HTTP at 1 and 16 clients, and single-row JDBC inserts into the same PostgreSQL. Prints
 * throughput, p50/p99, database commits and sequential scans per command. Opt-in ({@code -Dbench=true}), never
 * part of a normal build; no timing is asserted.
 *
 * <pre>./mvnw -q -o -pl case-service -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=WritePathBenchIT -Dfailsafe.failIfNoSpecifiedTests=false -Dbench=true [-Dbench.commands=400]</pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EnabledIfSystemProperty(named = "bench", matches = "true")
class WritePathBenchIT {

    @TestConfiguration(proxyBeanMethods = false)
    static class Counting {
        @Bean
        static BeanPostProcessor commitCounter() {
            return CommitCounter.wrapping();
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.registerFreshDatabase(registry);
        TestKafkaDirectory.registerFresh(registry, "writepath-bench"); // not the module's data/case-service/kafka, locked by any other cached context
    }

    private static final int COMMANDS = Integer.getInteger("bench.commands", 400);

    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private ObjectMapper json;
    @Autowired
    private ApplicationContext context;
    @Autowired
    private DataSource dataSource;
    @Autowired
    private JdbcTemplate jdbc;

    private final List<String> table = new ArrayList<>();
    private final List<String> statements = new ArrayList<>();

    @Test
    void commandsOverHttpBesideRawInserts() throws Exception {
        new TestStaff(context.getBean(StaffDirectory.class)).grant(BenchRequests.IB, "school-a");
        HttpHeaders headers = BenchRequests.headersOf(BenchRequests.IB);
        jdbc.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        warmUp(headers);

        for (int clients : new int[]{1, 16}) {
            List<String> cases = run("open a case, " + clients + " client(s)", clients, COMMANDS, i -> open(headers));
            run("colleague consultation, " + clients + " client(s)", clients, COMMANDS, i -> consult(headers, cases.get(i)));
            rawInserts(clients);
        }
        System.out.println();
        System.out.println("=== write path, " + COMMANDS + " commands per row; JVM " + System.getProperty("java.vm.version")
                + " " + ManagementFactory.getRuntimeMXBean().getInputArguments());
        System.out.printf(Locale.ROOT, "| %-36s | %10s | %8s | %8s | %13s | %26s | %22s |%n", "what", "per second", "p50 ms", "p99 ms", "commits/cmd",
                "seq scans/cmd (pdk, idem)", "CPU ms/cmd (svc + pg)");
        table.forEach(System.out::println);
        System.out.println("commits by thread kind (whole run): " + CommitCounter.commitsByThread());
        System.out.println("PostgreSQL per command (pg_stat_statements, the statements of the service, its lanes and its event store"
                + " reader, a trigger's work in its statement's time; the eight with the most execution time per row):");
        statements.forEach(System.out::println);
    }

    /**
     * Pools, caches and the JIT: rounds of openings and consultations at 4 clients until the JIT compilers took less than a
     * tenth of this JVM's CPU in a round, for at most 90 s — a fixed few hundred commands left the one-client rows
     * measuring a JVM still compiling (README, *Warm services*).
     */
    private void warmUp(HttpHeaders headers) throws Exception {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long until = System.nanoTime() + JvmUpkeep.WARM_UP_AT_MOST.toNanos();
        List<String> shares = new ArrayList<>();
        double share;
        do {
            long compiledBefore = ownJitNanos();
            long cpuBefore = os.getProcessCpuTime();
            List<String> warm = run("warm-up open", 4, COMMANDS / 2, i -> open(headers));
            run("warm-up consult", 4, COMMANDS / 2, i -> consult(headers, warm.get(i % warm.size())));
            share = (ownJitNanos() - compiledBefore) / (double) Math.max(1, os.getProcessCpuTime() - cpuBefore);
            shares.add(String.format(Locale.ROOT, "%.0f %%", 100 * share));
        } while (share >= JvmUpkeep.SETTLED_JIT_SHARE && System.nanoTime() < until);
        System.out.println("warm-up rounds of " + COMMANDS / 2 + " + " + COMMANDS / 2 + " commands; the JIT's share of this JVM's CPU per round: " + shares);
    }

    private static long ownJitNanos() {
        return JvmUpkeep.of(ProcessHandle.current().pid()).jit().toNanos();
    }

    private String open(HttpHeaders headers) {
        ResponseEntity<String> response = BenchRequests.post(rest, json, headers, "/api/cases", BenchRequests.opening("pupil-" + UUID.randomUUID()));
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        try {
            return json.readTree(response.getBody()).path("id").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String consult(HttpHeaders headers, String caseId) {
        ResponseEntity<String> response = BenchRequests.post(rest, json, headers, "/api/cases/" + caseId + "/colleague-consultations", BenchRequests.colleagueConsultation());
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return caseId;
    }


    private List<String> run(String what, int clients, int commands, IntFunction<String> command) throws Exception {
        jdbc.execute("SELECT pg_stat_statements_reset()");
        long commitsBefore = xactCommit();
        long[] scansBefore = seqScans();
        long cpuBefore = serverCpuNanos();
        AtomicLong clientCpu = new AtomicLong();
        long[] latencies = new long[commands];
        String[] results = new String[commands];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                long ownCpu = THREADS.getCurrentThreadCpuTime();
                for (int i = next.getAndIncrement(); i < commands; i = next.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    results[i] = command.apply(i);
                    latencies[i] = System.nanoTime() - t0;
                }
                clientCpu.addAndGet(THREADS.getCurrentThreadCpuTime() - ownCpu);
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        long elapsed = System.nanoTime() - start;
        pool.shutdown();
        // let the publishing lanes catch up, so their commits count against these commands
        waitForLanes();
        long commits = xactCommit() - commitsBefore;
        double cpuPerCommand = (serverCpuNanos() - cpuBefore - clientCpu.get()) / 1e6 / commands;
        long[] scans = seqScans();
        Arrays.sort(latencies);
        if (!what.startsWith("warm-up")) {
            table.add(String.format(Locale.ROOT, "| %-36s | %10.0f | %8.1f | %8.1f | %13.2f | %12.2f, %11.2f | %22.2f |", what,
                    commands / (elapsed / 1e9), latencies[commands / 2] / 1e6, latencies[(int) (commands * 0.99)] / 1e6,
                    commits / (double) commands, (scans[0] - scansBefore[0]) / (double) commands, (scans[1] - scansBefore[1]) / (double) commands,
                    cpuPerCommand));
            statements.add("  " + what + ":");
            jdbc.query("SELECT calls, total_exec_time, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) AS statement FROM pg_stat_statements"
                    + " WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT LIKE '%pg_stat%'"
                    + " ORDER BY total_exec_time DESC LIMIT 8",
                    row -> {
                        statements.add(String.format(Locale.ROOT, "    %5.2f calls, %6.3f ms  %s", row.getLong("calls") / (double) commands,
                                row.getDouble("total_exec_time") / commands, row.getString("statement")));
                    });
        }
        return Arrays.asList(results);
    }

    /**
     * Until every publishing lane's processor has handled the head of the event store, as it holds in memory: a lane that
     * only passed over the last events does not store its token for them (README, *The staff lane's token*).
     */
    private void waitForLanes() throws InterruptedException {
        long head = jdbc.queryForObject("SELECT coalesce(max(globalindex), -1) FROM domainevententry", Long.class);
        EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            boolean caughtUp = processing.eventProcessors().values().stream()
                    .filter(processor -> processor.getName().startsWith(PublishingLane.MAIN))
                    .map(processor -> ((TrackingEventProcessor) processor).processingStatus().values())
                    .allMatch(segments -> !segments.isEmpty() && segments.stream()
                            .allMatch(segment -> segment.getCurrentPosition().orElse(-1) >= head));
            if (caughtUp) {
                return;
            }
            Thread.sleep(20); // a measurement pause, not a test's wait for an outcome
        }
    }

    private long xactCommit() {
        return jdbc.queryForObject("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()", Long.class);
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * CPU used so far by this JVM (the service, its publishing lanes and the embedded broker, and the bench's clients,
     * whose own share is subtracted per run) and by the PostgreSQL processes: less disturbed by a busy machine than
     * wall-clock figures.
     */
    private long serverCpuNanos() {
        long jvm = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        long postmaster = parentOf(jdbc.queryForObject("SELECT pg_backend_pid()", Long.class));
        long ticks = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String stat = Files.readString(process.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long pid = Long.parseLong(process.getFileName().toString());
                    if (pid == postmaster || Long.parseLong(fields[1]) == postmaster) { // this database's server and its backends only
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                } catch (IOException | RuntimeException gone) {
                    // a process that ended between listing and reading
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return jvm + ticks * 10_000_000L; // USER_HZ 100
    }

    private static long parentOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sequential scans of personal_data_key and idempotency_record so far (the statistics lag ~0.5 s). */
    private long[] seqScans() {
        jdbc.execute("SELECT pg_stat_clear_snapshot()");
        return jdbc.query("SELECT relname, seq_scan FROM pg_stat_user_tables WHERE relname IN ('personal_data_key', 'idempotency_record')",
                rs -> {
                    long[] scans = new long[2];
                    while (rs.next()) {
                        scans[rs.getString(1).equals("personal_data_key") ? 0 : 1] = rs.getLong(2);
                    }
                    return scans;
                });
    }

    private void rawInserts(int clients) throws Exception {
        jdbc.execute("CREATE TABLE IF NOT EXISTS bench_raw_insert (id UUID PRIMARY KEY, payload TEXT NOT NULL)");
        String url = jdbc.queryForObject("SELECT 'jdbc:postgresql://localhost:' || current_setting('port') || '/' || current_database()", String.class);
        long[] latencies = new long[COMMANDS * 4];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                try (Connection connection = java.sql.DriverManager.getConnection(url, "postgres", "");
                     PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_raw_insert VALUES (?, ?)")) {
                    for (int i = next.getAndIncrement(); i < latencies.length; i = next.getAndIncrement()) {
                        long t0 = System.nanoTime();
                        insert.setObject(1, UUID.randomUUID());
                        insert.setString(2, "row " + i);
                        insert.executeUpdate();
                        latencies[i] = System.nanoTime() - t0;
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        long elapsed = System.nanoTime() - start;
        pool.shutdown();
        Arrays.sort(latencies);
        table.add(String.format(Locale.ROOT, "| %-36s | %10.0f | %8.2f | %8.2f | %13s | %26s |", "raw JDBC insert, " + clients + " client(s)",
                latencies.length / (elapsed / 1e9), latencies[latencies.length / 2] / 1e6, latencies[(int) (latencies.length * 0.99)] / 1e6, "1", "-"));
    }
}
