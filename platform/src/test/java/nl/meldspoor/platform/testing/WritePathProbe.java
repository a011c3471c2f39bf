package nl.meldspoor.platform.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.engines.JvmUpkeep;
import nl.meldspoor.platform.publishing.PublishingLane;
import nl.meldspoor.platform.security.CallerResolver;
import nl.meldspoor.platform.testing.security.TestIssuer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A write service's pace beside the raw engine, in one JVM on the embedded engines (the service, its publishing lanes, the
 * broker and the clients): each row sends N commands over HTTP from 1 or 16 clients and records throughput, p50/p99,
 * database commits and sequential scans per command, the CPU per command of this JVM (the clients' own threads left out)
 * and of the service's PostgreSQL processes, and the eight statements with the most execution time
 * ({@code pg_stat_statements}, which {@link TestPostgres} preloads for {@code -Dbench=true}). Used by the services'
 * opt-in {@code *WritePathBenchIT}; no timing is asserted.
 */
public final class WritePathProbe {

    /** One round of warm-up: the commands of the rows, at a few clients. */
    @FunctionalInterface
    public interface Round {
        void run() throws Exception;
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final ApplicationContext context;
    private final JdbcTemplate jdbc;
    private final List<String> table = new ArrayList<>();
    private final List<String> statements = new ArrayList<>();

    public WritePathProbe(ApplicationContext context) {
        this.context = context;
        this.jdbc = context.getBean(JdbcTemplate.class);
        jdbc.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    }

    /** One token per client, as a browser session reuses its token (so the service's token cache works as in use). */
    public static HttpHeaders headersOf(Actor actor) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TestIssuer.tokenFor(actor.personId()));
        headers.set(CallerResolver.ROLE_HEADER, actor.role().name());
        return headers;
    }

    /** A command as JSON, with the actor's headers and an Idempotency-Key of its own. */
    public static ResponseEntity<String> post(TestRestTemplate rest, ObjectMapper json, HttpHeaders actor, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(actor);
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotency-Key", UUID.randomUUID().toString());
        try {
            return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(json.writeValueAsString(body), headers), String.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Pools, caches and the JIT: rounds until the JIT compilers took less than a tenth of this JVM's CPU in one, for at most
     * 90 s — a fixed few hundred commands left the one-client rows measuring a JVM still compiling (README, *Warm services*).
     */
    public void warmUp(String what, Round round) throws Exception {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long until = System.nanoTime() + JvmUpkeep.WARM_UP_AT_MOST.toNanos();
        List<String> shares = new ArrayList<>();
        double share;
        do {
            long compiledBefore = ownJitNanos();
            long cpuBefore = os.getProcessCpuTime();
            round.run();
            share = (ownJitNanos() - compiledBefore) / (double) Math.max(1, os.getProcessCpuTime() - cpuBefore);
            shares.add(String.format(Locale.ROOT, "%.0f %%", 100 * share));
        } while (share >= JvmUpkeep.SETTLED_JIT_SHARE && System.nanoTime() < until);
        System.out.println("warm-up rounds of " + what + "; the JIT's share of this JVM's CPU per round: " + shares);
    }

    private static long ownJitNanos() {
        return JvmUpkeep.of(ProcessHandle.current().pid()).jit().toNanos();
    }

    /** A warm-up's commands, not recorded. */
    public List<String> unmeasured(int clients, int commands, IntFunction<String> command) throws Exception {
        return send(clients, commands, command).results();
    }

    /** A row: {@code commands} commands from {@code clients} clients; returns what each command answered. */
    public List<String> row(String what, int clients, int commands, IntFunction<String> command) throws Exception {
        jdbc.execute("SELECT pg_stat_statements_reset()");
        long commitsBefore = xactCommit();
        long[] scansBefore = seqScans();
        long cpuBefore = serverCpuNanos();
        Sent sent = send(clients, commands, command);
        // let the publishing lanes catch up, so their commits count against these commands
        waitForLanes();
        long commits = xactCommit() - commitsBefore;
        double cpuPerCommand = (serverCpuNanos() - cpuBefore - sent.clientCpuNanos()) / 1e6 / commands;
        long[] scans = seqScans();
        long[] latencies = sent.latencies();
        table.add(String.format(Locale.ROOT, "| %-36s | %10.0f | %8.1f | %8.1f | %13.2f | %12.2f, %11.2f | %22.2f |", what,
                commands / (sent.elapsedNanos() / 1e9), latencies[commands / 2] / 1e6, latencies[(int) (commands * 0.99)] / 1e6,
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
        return sent.results();
    }

    private record Sent(List<String> results, long[] latencies, long elapsedNanos, long clientCpuNanos) {
    }

    private static Sent send(int clients, int commands, IntFunction<String> command) throws Exception {
        AtomicLong clientCpu = new AtomicLong();
        long[] latencies = new long[commands];
        String[] results = new String[commands];
        AtomicInteger next = new AtomicInteger();
        long elapsed = onClients(clients, () -> {
            long ownCpu = THREADS.getCurrentThreadCpuTime();
            for (int i = next.getAndIncrement(); i < commands; i = next.getAndIncrement()) {
                long t0 = System.nanoTime();
                results[i] = command.apply(i);
                latencies[i] = System.nanoTime() - t0;
            }
            clientCpu.addAndGet(THREADS.getCurrentThreadCpuTime() - ownCpu);
            return null;
        });
        Arrays.sort(latencies);
        return new Sent(Arrays.asList(results), latencies, elapsed, clientCpu.get());
    }

    /** Runs {@code client} on {@code clients} threads at once; returns how long until the last one finished. */
    private static long onClients(int clients, Callable<Void> client) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long start = System.nanoTime();
            List<Future<Void>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                running.add(pool.submit(client));
            }
            for (Future<Void> f : running) {
                f.get();
            }
            return System.nanoTime() - start;
        } finally {
            pool.shutdown();
        }
    }

    /** Single-row JDBC inserts into the same PostgreSQL, four times a row's commands: the raw engine beside the rows. */
    public void rawInserts(int clients, int commands) throws Exception {
        jdbc.execute("CREATE TABLE IF NOT EXISTS bench_raw_insert (id UUID PRIMARY KEY, payload TEXT NOT NULL)");
        String url = jdbc.queryForObject("SELECT 'jdbc:postgresql://localhost:' || current_setting('port') || '/' || current_database()", String.class);
        long[] latencies = new long[commands * 4];
        AtomicInteger next = new AtomicInteger();
        long elapsed = onClients(clients, () -> {
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
        });
        Arrays.sort(latencies);
        table.add(String.format(Locale.ROOT, "| %-36s | %10.0f | %8.2f | %8.2f | %13s | %26s |", "raw JDBC insert, " + clients + " client(s)",
                latencies.length / (elapsed / 1e9), latencies[latencies.length / 2] / 1e6, latencies[(int) (latencies.length * 0.99)] / 1e6, "1", "-"));
    }

    /** The table of the rows and the raw inserts, then the statements per row. */
    public void print(String title) {
        System.out.println();
        System.out.println("=== " + title + "; JVM " + System.getProperty("java.vm.version") + " " + ManagementFactory.getRuntimeMXBean().getInputArguments());
        System.out.printf(Locale.ROOT, "| %-36s | %10s | %8s | %8s | %13s | %26s | %22s |%n", "what", "per second", "p50 ms", "p99 ms", "commits/cmd",
                "seq scans/cmd (pdk, idem)", "CPU ms/cmd (svc + pg)");
        table.forEach(System.out::println);
        System.out.println("PostgreSQL per command (pg_stat_statements, the statements of the service, its lanes and its event store"
                + " reader, a trigger's work in its statement's time; the eight with the most execution time per row):");
        statements.forEach(System.out::println);
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

    /**
     * CPU used so far by this JVM (the service, its publishing lanes and the embedded broker, and the clients, whose own
     * share is subtracted per row) and by the PostgreSQL processes: less disturbed by a busy machine than wall-clock figures.
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
}
