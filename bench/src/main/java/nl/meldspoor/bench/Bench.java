package nl.meldspoor.bench;

import nl.meldspoor.engines.FreePorts;
import nl.meldspoor.engines.HeapWatch;
import nl.meldspoor.engines.JvmUpkeep;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import nl.meldspoor.api.signal.SignalCategory;
import nl.meldspoor.local.DemoStaff;
import nl.meldspoor.local.LocalSettings;
import nl.meldspoor.local.LocalSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 14's benchmark on the local system: every service its own process from its executable jar on the embedded
 * engines, a generated board loaded through the public APIs, then the probes, each beside the raw engine measured in
 * the same run. Prints the notes (sizes, RSS, JVM flags) and, last, one markdown table.
 */
public final class Bench {

    private static final Logger log = LoggerFactory.getLogger(Bench.class);
    static final String ADMINISTRATOR = DemoStaff.ADMINISTRATOR;
    static final String AUDITOR = "audit-inspectie";
    /** The read models the rebuild probe rebuilds: the dossiers' and the dashboards'. */
    static final List<String> READ_MODELS = List.of("meldcode-cases", "dashboard-counters");
    static final List<String> TOPICS = List.of("meldspoor.case-events", "meldspoor.signal-events");

    /** The topics a read model of {@link #READ_MODELS} reads (the reporting-service's ReadModel#topics). */
    static List<String> topicsOf(String readModel) {
        return readModel.equals("meldcode-cases") ? List.of(CASE_TOPIC) : TOPICS;
    }

    private final BenchSettings settings;
    private final Path data;
    private final Report report = new Report();
    private LocalSystem system;
    private Http http;
    /** This JVM's heap (it hosts the engines) over the run. */
    private HeapWatch heap;

    public Bench(BenchSettings settings, Path data) {
        this.settings = settings;
        this.data = data;
    }

    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory("meldspoor-bench");
        Report report = new Bench(BenchSettings.fromSystemProperties(), data).run();
        report.write(Path.of(System.getProperty("bench.report", "bench/target/bench/report.md")));
    }

    Report run() throws Exception {
        Path root = Path.of(System.getProperty("meldspoor.local.root", "..")).toAbsolutePath().normalize();
        LocalSettings local = new LocalSettings(root, data, freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort(),
                freePort(), freePort(), false).withArguments("reporting-service", Board.organisationArguments(settings.schools()).toArray(String[]::new))
                .withJvmOptions(settings.serviceJvmOptions());
        long started = System.nanoTime();
        heap = new HeapWatch();
        system = new LocalSystem(local);
        try {
            try {
                system.start();
            } catch (IllegalStateException slowStart) {
                if (system.serviceProcessIds().containsValue(-1L)) {
                    throw slowStart; // a service stopped: it will not become healthy by waiting (its log's end is in the message)
                }
                // on a crowded machine a service can take longer than the local system's four minutes to start: give it more
                log.warn("The local system did not start in time; waiting longer for its services: {}", slowStart.getMessage());
                awaitHealthy(List.of(system.caseServiceUrl(), system.signalServiceUrl(), system.reportingServiceUrl(),
                        system.notificationServiceUrl(), system.webUrl()), Duration.ofMinutes(8));
            }
            http = new Http(system.tokens());
            report.note("mode " + settings.mode() + ": " + settings);
            report.note("local system started in " + seconds(System.nanoTime() - started) + " s; services' JVM options: " + settings.jvmOptions()
                    + " (" + String.join(" ", local.jvmOptions()) + ")");
            grantStaff();
            Probe[] probes = {this::load, this::drainReminders, this::commands, this::visibility, this::longCase, this::dashboards, this::rebuild};
            String[] names = {"load", "reminders drained", "commands", "visibility", "long case", "dashboards", "rebuild"};
            List<String> took = new ArrayList<>();
            for (int p = 0; p < probes.length; p++) {
                Probe probe = probes[p];
                long probeStarted = System.nanoTime();
                try {
                    probe.run();
                } catch (Exception | AssertionError failed) {
                    // one probe failing must not hide the others' figures; its row stays without a figure
                    log.error("Probe failed", failed);
                    report.note("a probe failed: " + failed);
                }
                took.add(names[p] + " " + seconds(System.nanoTime() - probeStarted) + " s");
            }
            report.note("probes took: " + String.join(", ", took) + "; in all " + seconds(System.nanoTime() - started) + " s from the start");
            processes();
        } finally {
            system.close();
            heap.close();
        }
        String markdown = report.markdown();
        System.out.println(System.lineSeparator() + markdown);
        return report;
    }

    private static void awaitHealthy(List<String> services, Duration timeout) throws InterruptedException {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        for (String service : services) {
            while (true) {
                try {
                    var health = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(service + "/actuator/health")).build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());
                    if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                        break;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(service + " did not become healthy");
                }
                Thread.sleep(500);
            }
        }
    }

    @FunctionalInterface
    private interface Probe {
        void run() throws Exception;
    }

    /** The demo staff hold their roles at every generated school (the local issuer knows only them). */
    private void grantStaff() throws InterruptedException {
        List<Map<String, String>> grants = new ArrayList<>(Board.grants(settings.schools()));
        for (DemoStaff.Grant grant : DemoStaff.grants(LocalDate.now())) {
            if (grant.scope().equals(nl.meldspoor.api.staff.StaffScope.BOARD)) {
                Map<String, String> g = new HashMap<>(Map.of("person", grant.personId(), "role", grant.role().name(), "scope", grant.scope()));
                if (grant.validUntil() != null) {
                    g.put("validUntil", grant.validUntil().toString());
                }
                grants.add(g);
            }
        }
        for (Map<String, String> grant : grants) {
            Map<String, String> body = new HashMap<>(grant);
            String person = body.remove("person");
            int status = http.postAsAdministrator(ADMINISTRATOR, system.caseServiceUrl() + "/api/staff/" + person + "/roles", body);
            if (status != 200 && status != 409) {
                throw new IllegalStateException("Grant " + grant + " refused: HTTP " + status);
            }
        }
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        for (String service : List.of(system.caseServiceUrl(), system.signalServiceUrl(), system.reportingServiceUrl())) {
            for (String person : List.of(Board.IB.personId(), Board.TEACHER.personId(), Board.BOARD_OFFICER.personId(), AUDITOR)) {
                while (http.get(person, service + "/api/me").statusCode() != 200) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException(service + " did not read the staff directory in time");
                    }
                    Thread.sleep(100);
                }
            }
        }
        // the last grant must be known everywhere too: the services read the directory in order
        waitForGrantsEverywhere(grants.get(grants.size() - 1 - 2), deadline);
    }

    private void waitForGrantsEverywhere(Map<String, String> grant, Instant deadline) throws InterruptedException {
        for (String service : List.of(system.caseServiceUrl(), system.signalServiceUrl())) {
            while (!http.get(grant.get("person"), service + "/api/me").body().contains(grant.get("scope"))) {
                if (Instant.now().isAfter(deadline)) {
                    log.warn("{} does not show {} yet; loading anyway", service, grant);
                    return;
                }
                Thread.sleep(100);
            }
        }
    }

    // ---- the board -------------------------------------------------------------------------------------------------

    private void load() throws Exception {
        if (settings.loadsIntoTheStore()) {
            loadIntoTheStore();
        }
        BenchSettings overHttp = settings.loadsIntoTheStore() ? settings.withoutCases() : settings;
        long eventsBefore = events();
        long started = System.nanoTime();
        CpuSpent cpu = CpuSpent.from(data);
        Board board = new Board(overHttp, system.caseServiceUrl(), system.signalServiceUrl(), http);
        long commands = board.load();
        double elapsed = (System.nanoTime() - started) / 1e9;
        long events = events() - eventsBefore;
        int perEvent = (int) Math.max(1, events);
        CpuSpent.PerOperation spent = cpu.perOperation(perEvent);
        cpuNote("CPU per event loaded over HTTP by process (of it JIT compilation, garbage collection; the services are not warmed up yet)",
                spent.millisByProcess(), spent.upkeepByProcess(), perEvent);
        String what = settings.loadsIntoTheStore() ? "its signals and incidents" : "the board";
        report.note("board: %d schools × %d years, %s: %d commands → %d events in the event stores, loaded in %.0f s over HTTP by %d clients"
                .formatted(settings.schools(), settings.years(), what, commands, events, elapsed, settings.loadClients()));
        report.row("load %s over HTTP (%d clients, %d events)".formatted(settings.loadsIntoTheStore() ? "the board's signals and incidents"
                        : "the generated board", settings.loadClients(), events),
                Report.number(events / elapsed) + " events/s", "—", "—", "1M events loaded (via the engines) in minutes");
    }

    static final String CASE_TOPIC = "meldspoor.case-events";

    /**
     * The board's meldcode cases straight into the running case-service's event store ({@link StoreLoader}), beside raw
     * JDBC batch inserts of as many rows; then how fast the services' own publication and the read models take them
     * up, and a sample of loaded cases read back by both services.
     */
    private void loadIntoTheStore() throws Exception {
        KafkaLag kafka = new KafkaLag(system.engines().kafkaBootstrapServers());
        long onTopicBefore = kafka.records(kafka.topicEnds(List.of(CASE_TOPIC)));
        String keyEncryptionKey = Files.readString(data.resolve("keys").resolve(StoreLoader.HOLDER + ".key-encryption-key")).strip();
        long started = System.nanoTime();
        StoreLoader loader = new StoreLoader(system.engines().jdbcUrl("cases"), keyEncryptionKey);
        try (loader) {
            loader.load(settings, settings.storeCasesPerSchoolYear());
        }
        double loadSeconds = (System.nanoTime() - started) / 1e9;
        long events = loader.events();
        report.note("store loader's time: " + loader.timings());
        RawJdbc jdbc = new RawJdbc(connectionUrl("bench"), this);
        jdbc.prepare();
        int rawRows = (int) Math.max(1_000, Math.min(events, 200_000));
        double raw = jdbc.batchInserts(rawRows, 2_000);
        double rate = events / loadSeconds;
        report.note(("board: %d schools × %d years, %d meldcode cases (%d per school and year, ten patterns) → %d events loaded into the "
                + "case-service's event store in %.1f s").formatted(settings.schools(), settings.years(), loader.cases(),
                settings.storeCasesPerSchoolYear(), events, loadSeconds));
        report.row("load the generated board straight into the event store (%d cases, %d events; aggregate, sealing, %d cases a transaction)"
                        .formatted(loader.cases(), events, StoreLoader.CASES_PER_TRANSACTION),
                Report.number(rate) + " events/s (" + Report.number(loadSeconds) + " s)",
                "JDBC batch insert, %d rows, 2,000 a transaction: %s rows/s".formatted(rawRows, Report.number(raw)), Report.ratio(rate, raw),
                "1M events loaded in minutes");

        Instant deadline = Instant.now().plus(Duration.ofHours(3));
        while (kafka.records(kafka.topicEnds(List.of(CASE_TOPIC))) < onTopicBefore + events) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The case-service did not publish the loaded events");
            }
            Thread.sleep(200);
        }
        double published = (System.nanoTime() - started) / 1e9;
        report.row("loaded events published to Kafka by the case-service (%d events, from the load's start)".formatted(events),
                Report.number(events / published) + " events/s (" + Report.number(published) + " s)", "—", "—", "faster than the write path");
        awaitProjectionsCaughtUp();
        double applied = (System.nanoTime() - started) / 1e9;
        report.row("loaded events applied by %s (from the load's start)".formatted(String.join(" and ", READ_MODELS)),
                Report.number(events / applied) + " events/s (" + Report.number(applied) + " s)", "—", "—", "every projection faster than the write path");
        readBack(loader.loaded());
    }

    /**
     * A loaded case of each pattern as the services show it: the reporting-service's dossier has every event and the
     * same status, step and outcome as the case-service's own state, which is what the pattern leads to; on Kafka and
     * in the store the signal's text is sealed.
     */
    private void readBack(List<StoreLoader.LoadedCase> loaded) throws Exception {
        Map<Integer, StoreLoader.LoadedCase> byPattern = new java.util.TreeMap<>();
        loaded.forEach(c -> byPattern.putIfAbsent(c.pattern(), c));
        List<String> mismatches = new ArrayList<>();
        long events = 0;
        for (StoreLoader.LoadedCase loadedCase : byPattern.values()) {
            JsonNode dossier = http.getJson(AUDITOR, system.reportingServiceUrl() + "/api/dossiers/" + loadedCase.caseId());
            JsonNode state = http.getJson(AUDITOR, system.caseServiceUrl() + "/api/cases/" + loadedCase.caseId());
            JsonNode read = dossier.path("state");
            String expectedOutcome = switch (loadedCase.pattern()) {
                case 0 -> "REPORTED_AND_HANDED_OVER";
                case 2 -> "NO_SUSPICION";
                case 7 -> "HELP_COMPLETED";
                default -> "";
            };
            events += loadedCase.events();
            List<String> differences = new ArrayList<>();
            if (dossier.path("entries").size() != loadedCase.events()) {
                differences.add("entries " + dossier.path("entries").size() + " of " + loadedCase.events());
            }
            for (String field : List.of("status", "currentStep", "openedAt")) {
                if (!read.path(field).asText().equals(state.path(field).asText())) {
                    differences.add(field + " " + read.path(field).asText() + " vs " + state.path(field).asText());
                }
            }
            if (!read.path("closure").path("outcome").asText("").equals(state.path("closure").path("outcome").asText(""))
                    || !state.path("closure").path("outcome").asText("").equals(expectedOutcome)) {
                differences.add("outcome " + read.path("closure").path("outcome").asText("") + " / " + state.path("closure").path("outcome").asText("")
                        + ", expected " + expectedOutcome);
            }
            if (!Instant.parse(state.path("openedAt").asText()).isBefore(Instant.now().minus(Duration.ofDays(30)))) {
                differences.add("opened " + state.path("openedAt").asText() + ", not in a past school year");
            }
            report.note("loaded case, pattern %d: %d events; dossier: %s, step %s, outcome %s".formatted(loadedCase.pattern(), loadedCase.events(),
                    read.path("status").asText(), read.path("currentStep").asText(), read.path("closure").path("outcome").asText("—")));
            if (!differences.isEmpty()) {
                mismatches.add(loadedCase.caseId() + " (pattern " + loadedCase.pattern() + "): " + String.join(", ", differences));
            }
        }
        Set<String> sample = new java.util.HashSet<>();
        byPattern.values().forEach(c -> sample.add(c.caseId()));
        TopicScan.Found onKafka = TopicScan.scan(system.engines().kafkaBootstrapServers(), CASE_TOPIC, sample, events, StoreLoader.CLEAR_TEXT,
                Duration.ofMinutes(10));
        long inClearInTheStore;
        try (Connection connection = connect("cases"); PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM "
                + eventTable(connection) + " WHERE aggregateidentifier = ANY (?) AND position(? in payload) > 0")) {
            select.setArray(1, connection.createArrayOf("varchar", sample.toArray()));
            select.setBytes(2, StoreLoader.CLEAR_TEXT.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                inClearInTheStore = rows.getLong(1);
            }
        }
        if (onKafka.records() != events || onKafka.inClear() > 0 || inClearInTheStore > 0) {
            mismatches.add("on Kafka %d of %d records, %d with the text in clear; %d rows in clear in the store".formatted(onKafka.records(), events,
                    onKafka.inClear(), inClearInTheStore));
        }
        if (!mismatches.isEmpty()) {
            throw new IllegalStateException("Loaded cases read back differently: " + String.join("; ", mismatches));
        }
        report.row("loaded cases read back (a case of each pattern, %d events)".formatted(events),
                "all %d: dossier = case state = pattern; sealed in the store and on Kafka".formatted(byPattern.size()), "—", "—",
                "as if written over HTTP");
    }

    /** Events in both event stores. */
    private long events() {
        long total = 0;
        for (String database : List.of("cases", "signals")) {
            try (Connection connection = connect(database); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + eventTable(connection))) {
                rows.next();
                total += rows.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return total;
    }

    /**
     * Lets the notification-service give the loaded board's due reminders (its open cases are years old) before the timed
     * probes, so that thousands of reminders and mails do not take the CPU while commands are measured.
     */
    private void drainReminders() throws Exception {
        try (ReminderDrain drain = new ReminderDrain(system.engines().mongoUri("notifications"), new KafkaLag(system.engines().kafkaBootstrapServers()))) {
            ReminderDrain.Drained drained = drain.await(Duration.ofHours(3));
            report.note("the board's due reminders drained before the timed probes in %d s: %d notifications raised, %d mails sent, %d cases watched"
                    .formatted(drained.took().toSeconds(), drained.notifications(), drained.mailsSent(), drained.casesWatched()));
        }
    }

    // ---- commands --------------------------------------------------------------------------------------------------

    private void commands() throws Exception {
        int total = settings.commands();
        List<String> openedAtOne = Collections.synchronizedList(new ArrayList<>());
        List<String> openedAtSixteen = Collections.synchronizedList(new ArrayList<>());
        warmUp(total);
        RawJdbc jdbc = new RawJdbc(connectionUrl("bench"), this);
        jdbc.prepare();
        for (int clients : new int[] {1, 16}) {
            List<String> opened = clients == 1 ? openedAtOne : openedAtSixteen;
            int n = clients == 1 ? Math.max(4, total / 4) : total;
            Measured open = timed(clients, n, i -> () -> open(i, opened));
            Measured raw = jdbc.inserts(clients, clients == 1 ? Math.max(100, settings.rawRows() / 4) : settings.rawRows());
            commandRow("open a case over HTTP, " + clients + (clients == 1 ? " client" : " clients"), open, raw,
                    clients == 1 ? "p99 ≤ 15 ms" : "≥ 600/s, p99 ≤ 50 ms, ≤ 3 ms CPU/command");
        }
        for (int clients : new int[] {1, 16}) {
            List<String> cases = new ArrayList<>(clients == 1 ? openedAtOne : openedAtSixteen);
            Measured consult = timed(clients, cases.size(), i -> () -> consult(cases.get(i)));
            Measured raw = jdbc.inserts(clients, clients == 1 ? Math.max(100, settings.rawRows() / 4) : settings.rawRows());
            commandRow("colleague consultation over HTTP, " + clients + (clients == 1 ? " client" : " clients"), consult, raw,
                    clients == 1 ? "p99 ≤ 15 ms" : "≥ 600/s, p99 ≤ 50 ms");
        }
    }

    /** A warm-up round's opens and as many consultations (4 clients each). */
    private static final int WARM_UP_ROUND = 100;

    /**
     * Commands of both kinds, not measured, until the services' JIT compilers have settled: rounds of opens and
     * consultations until the compiler threads take less than a tenth of all processes' CPU in a round, for at most
     * {@link JvmUpkeep#WARM_UP_AT_MOST} (the smoke run: one short round). On two cores shared by six JVMs a service's C2 compiler
     * is still busy after hundreds of commands — with 250 commands of warm-up it took over half of the case-service's CPU in
     * the one-client rows — and a board's services run for days, so the rows measure them warm and name what the JIT still
     * took.
     */
    private void warmUp(int total) throws Exception {
        int round = Math.max(2, Math.min(WARM_UP_ROUND, total / 4));
        long until = System.nanoTime() + (total < 4 * WARM_UP_ROUND ? 0 : JvmUpkeep.WARM_UP_AT_MOST.toNanos());
        List<String> shares = new ArrayList<>();
        int commands = 0;
        double share;
        do {
            List<String> opened = Collections.synchronizedList(new ArrayList<>());
            Measured opens = timed(Math.min(4, total), round, i -> () -> open(i, opened));
            List<String> cases = new ArrayList<>(opened);
            Measured consultations = timed(Math.min(4, total), cases.size(), i -> () -> consult(cases.get(i)));
            commands += round + cases.size();
            share = (jitMillis(opens) * round + jitMillis(consultations) * cases.size())
                    / (opens.cpuAllMillisPerOperation() * round + consultations.cpuAllMillisPerOperation() * cases.size());
            shares.add(Report.number(100 * share) + " %");
        } while (share >= JvmUpkeep.SETTLED_JIT_SHARE && System.nanoTime() < until);
        report.note("warm-up before the command probes, not measured: %d commands (opens and consultations, 4 clients) in rounds of %d + %d; the JIT's share of all CPU per round: %s"
                .formatted(commands, round, round, String.join(", ", shares)));
    }

    /** The JIT compilers' CPU over all JVMs, ms per operation. */
    private static double jitMillis(Measured measured) {
        return measured.upkeepByProcess().values().stream().mapToDouble(upkeep -> upkeep.jit().toNanos() / 1e6).sum() / n(measured);
    }

    private void consult(String caseId) {
        http.post(Board.IB, system.caseServiceUrl() + "/api/cases/" + caseId + "/colleague-consultations", Board.consultation());
    }

    /**
     * Opens the n-th case of a probe at the n-th school of the board in turn (the adviser from the next school), as a
     * board's cases come in: the dashboard counters keep one document per school and month, which every event of the
     * month's cases rewrites, so thousands of probe cases at one school would make one month of a size no school has
     * (a medium run at 2 schools put ~1,000 in one month, 300 kB: the projection then applied ~5 events/s).
     */
    private void open(int n, List<String> opened) {
        List<String> schools = Board.schools(settings.schools());
        String school = schools.get(Math.floorMod(n, schools.size()));
        String partner = schools.get(Math.floorMod(n + 1, schools.size()));
        String id = Board.openCase(http, system.caseServiceUrl(), school, partner, "lln-bench-" + java.util.UUID.randomUUID(),
                SignalCategory.HOME_SITUATION, Set.of());
        if (opened != null) {
            opened.add(id);
        }
    }

    private void commandRow(String what, Measured service, Measured raw, String goal) {
        report.row(what, "%s/s, %s, CPU %s ms/command in all (%s ms in the case-service)".formatted(Report.number(service.throughput()),
                        service.latencies().percentiles(), Report.number(service.cpuAllMillisPerOperation()),
                        Report.number(service.cpuCaseServiceMillisPerOperation())),
                "JDBC single-row insert: %s tps, %s".formatted(Report.number(raw.throughput()), raw.latencies().percentiles()),
                "throughput " + Report.ratio(service.throughput(), raw.throughput()) + ", p99 "
                        + Report.ratio(service.latencies().millis(0.99), raw.latencies().millis(0.99)) + "×",
                goal);
        cpuNote("CPU per command by process (of it JIT compilation, garbage collection), " + what, service.cpuByProcess(),
                service.upkeepByProcess(), n(service));
    }

    private void cpuNote(String what, Map<String, Double> millisByProcess, Map<String, JvmUpkeep> upkeepByProcess, int operations) {
        report.note("%s: %s".formatted(what, millisByProcess.entrySet().stream()
                .map(process -> process.getKey() + " " + Report.number(process.getValue()) + " ms" + upkeep(upkeepByProcess.get(process.getKey()), operations))
                .collect(Collectors.joining(", "))));
    }

    /** The operations a timed run measured. */
    private static int n(Measured measured) {
        return measured.latencies().count();
    }

    /** " (JIT a, GC b)" in ms per operation; nothing for a process without JVM threads (PostgreSQL). */
    private static String upkeep(JvmUpkeep spent, int operations) {
        return spent == null ? "" : " (JIT %s, GC %s)".formatted(Report.number(spent.jit().toNanos() / 1e6 / operations),
                Report.number(spent.gc().toNanos() / 1e6 / operations));
    }

    /** What one timed run gave: per-operation latencies, throughput, CPU in all and per process (ms per operation). */
    record Measured(Latencies latencies, double throughput, double cpuAllMillisPerOperation, Map<String, Double> cpuByProcess,
                    Map<String, JvmUpkeep> upkeepByProcess) {

        double cpuCaseServiceMillisPerOperation() {
            return cpuByProcess.getOrDefault("case-service", 0.0);
        }
    }

    /** Runs n operations over the given number of clients, each timed; with the CPU all processes used meanwhile. */
    Measured timed(int clients, int n, IntFunction<Runnable> operation) throws Exception {
        Latencies latencies = new Latencies();
        AtomicInteger next = new AtomicInteger();
        CpuSpent cpu = CpuSpent.from(data);
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> ClientThreads.counted(() -> {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        Runnable op = operation.apply(i);
                        long t = System.nanoTime();
                        op.run();
                        latencies.add(System.nanoTime() - t);
                    }
                })));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        CpuSpent.PerOperation spent = cpu.perOperation(n);
        return new Measured(latencies, n / seconds, spent.inAllMillis(), spent.millisByProcess(), spent.upkeepByProcess());
    }

    /**
     * What every process of the system has spent since {@link #from}: its CPU, and of it its JVM's compilers and collectors.
     * The bench's clients run in the engines' JVM; what they spent is left out of that JVM and of the CPU in all, and
     * named on its own ({@link ClientThreads}).
     */
    private static final class CpuSpent {

        record PerOperation(double inAllMillis, Map<String, Double> millisByProcess, Map<String, JvmUpkeep> upkeepByProcess) {
        }

        static final String ENGINES = "engines (this JVM, without the bench's clients)";
        static final String CLIENTS = "the bench's clients (not in all)";

        private final Path data;
        private final Duration all;
        private final Duration clients;
        private final Map<String, Duration> byProcess;
        private final Map<String, JvmUpkeep> upkeep;

        private CpuSpent(Path data) {
            this.data = data;
            this.all = Processes.cpuOfAll(data);
            this.clients = ClientThreads.cpu();
            this.byProcess = Processes.cpuByName(data);
            this.upkeep = Processes.upkeepByName(data);
        }

        static CpuSpent from(Path data) {
            return new CpuSpent(data);
        }

        /** Per operation since {@link #from}: the CPU in all and per process, the clients' read once for both, and the JVMs' upkeep. */
        PerOperation perOperation(int operations) {
            Duration clientsSince = ClientThreads.cpu().minus(clients);
            double inAll = millis(Processes.cpuOfAll(data).minus(all).minus(clientsSince), operations);
            Map<String, Double> spent = new LinkedHashMap<>();
            Processes.cpuByName(data).forEach((process, cpu) -> {
                Duration since = cpu.minus(byProcess.getOrDefault(process, Duration.ZERO));
                if (process.equals(Processes.THIS_JVM)) {
                    spent.put(ENGINES, millis(since.minus(clientsSince), operations));
                } else {
                    spent.put(process, millis(since, operations));
                }
            });
            spent.put(CLIENTS, millis(clientsSince, operations));
            Map<String, JvmUpkeep> upkept = new LinkedHashMap<>();
            Processes.upkeepByName(data).forEach((process, now) -> upkept.put(process.equals(Processes.THIS_JVM) ? ENGINES : process,
                    now.minus(upkeep.getOrDefault(process, JvmUpkeep.NONE))));
            return new PerOperation(inAll, spent, upkept);
        }

        private static double millis(Duration spent, int operations) {
            return spent.toNanos() / 1e6 / operations;
        }
    }

    // ---- command answered → visible --------------------------------------------------------------------------------

    private void visibility() throws Exception {
        List<String> schools = Board.schools(settings.schools());
        Latencies visible = new Latencies();
        AtomicBoolean loading = new AtomicBoolean(!settings.mode().equals("smoke"));
        AtomicInteger backgroundCases = new AtomicInteger();
        // under load: background clients keep opening cases while the probe's commands are timed
        ExecutorService background = Executors.newFixedThreadPool(4);
        int rate = settings.backgroundRate();
        long interval = rate > 0 ? 1_000_000_000L / rate : 0;
        java.util.concurrent.atomic.AtomicLong nextSlot = new java.util.concurrent.atomic.AtomicLong(System.nanoTime());
        for (int c = 0; c < 4 && loading.get(); c++) {
            background.submit(() -> {
                while (loading.get()) {
                    long wait = nextSlot.getAndAdd(interval) - System.nanoTime();
                    if (wait > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(wait);
                    }
                    open(backgroundCases.getAndIncrement(), null);
                }
                return null;
            });
        }
        long backgroundStarted = System.nanoTime();
        try {
            for (int i = 0; i < settings.visibility(); i++) {
                String school = schools.get(i % schools.size());
                String caseId = Board.openCase(http, system.caseServiceUrl(), school, school, "lln-vis-" + java.util.UUID.randomUUID(),
                        SignalCategory.HOME_SITUATION, Set.of());
                visible.add(untilVisible(caseId, 1));
                http.post(Board.IB, system.caseServiceUrl() + "/api/cases/" + caseId + "/colleague-consultations", Board.consultation());
                visible.add(untilVisible(caseId, 2));
            }
        } finally {
            loading.set(false);
            background.shutdown();
            background.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
        }
        if (!settings.mode().equals("smoke")) {
            report.note("visibility probe's background: %d cases opened by 4 clients at %s cases/s (cap %s)".formatted(backgroundCases.get(),
                    Report.number(backgroundCases.get() / ((System.nanoTime() - backgroundStarted) / 1e9)), rate > 0 ? rate + "/s" : "none"));
        }
        Latencies kafka = new RawKafka(system.engines().kafkaBootstrapServers()).produceConsume(Math.max(20, settings.visibility() * 4));
        report.row("command answered → visible in the dossier (reporting-service)" + (settings.mode().equals("smoke") ? ""
                        : ", 4 clients loading" + (rate > 0 ? " " + rate + " cases/s" : "")),
                visible.percentiles(), "Kafka produce → consume, acks=all: " + kafka.percentiles(),
                "p50 " + Report.ratio(visible.millis(0.5), kafka.millis(0.5)) + "×, p99 " + Report.ratio(visible.millis(0.99), kafka.millis(0.99)) + "×",
                "p99 < 300 ms under load");
    }

    /** Nanoseconds from now until the dossier shows the entries, accurate to one read. */
    private long untilVisible(String caseId, int entries) throws InterruptedException {
        long answered = System.nanoTime();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            long readSent = System.nanoTime();
            var response = http.get(AUDITOR, system.reportingServiceUrl() + "/api/dossiers/" + caseId);
            if (response.statusCode() == 200 && Http.readTree(response.body()).path("entries").size() >= entries) {
                return readSent - answered;
            }
            Thread.sleep(2);
        }
        throw new IllegalStateException("Case " + caseId + " did not show " + entries + " entries in the dossier within 2 minutes; "
                + readSideLag());
    }

    /** How far the read models the probes read are behind the topics now: tells a read side that fell behind from a lost event. */
    private String readSideLag() {
        try (ReadModelRebuild rebuilds = new ReadModelRebuild(system.engines().mongoUri("reporting"))) {
            KafkaLag kafka = new KafkaLag(system.engines().kafkaBootstrapServers());
            List<String> lag = new ArrayList<>();
            for (String readModel : READ_MODELS) {
                var ends = kafka.topicEnds(topicsOf(readModel));
                String consumer = ReadModelRebuild.consumerName(readModel, rebuilds.served(readModel));
                var behind = ReadModelRebuild.lagging(ends, rebuilds.applied(consumer));
                lag.add(consumer + " " + behind.values().stream().mapToLong(Long::longValue).sum() + " records behind " + behind);
            }
            return "read side now: " + String.join("; ", lag) + "; held back: " + rebuilds.held();
        } catch (Exception e) {
            return "read side's lag unknown: " + e;
        }
    }

    // ---- the long case -----------------------------------------------------------------------------------------------

    private void longCase() throws Exception {
        String school = Board.schools(settings.schools()).get(0);
        String caseId = Board.openCase(http, system.caseServiceUrl(), school, school, "lln-long-" + java.util.UUID.randomUUID(),
                SignalCategory.HOME_SITUATION, Set.of());
        String consult = system.caseServiceUrl() + "/api/cases/" + caseId + "/colleague-consultations";
        Latencies early = new Latencies();
        Latencies late = new Latencies();
        Instant halfway = null;
        int followUps = settings.longCase() - 1;
        int compared = Math.max(1, Math.min(20, followUps / 2));
        for (int i = 0; i < followUps; i++) {
            if (i == followUps / 2) {
                halfway = Instant.now();
            }
            long t = System.nanoTime();
            http.post(Board.IB, consult, Board.consultation());
            long took = System.nanoTime() - t;
            if (i < compared) {
                early.add(took);
            } else if (i >= followUps - compared) {
                late.add(took);
            }
        }
        String timelineUrl = system.caseServiceUrl() + "/api/cases/" + caseId + "/timeline";
        String asOfUrl = timelineUrl + "?asOf=" + halfway;
        Latencies timeline = reads(AUDITOR, timelineUrl);
        Latencies asOf = reads(AUDITOR, asOfUrl);
        int entries = http.getJson(AUDITOR, timelineUrl).path("entries").size();
        Latencies sql = new Latencies();
        int rows;
        try (Connection connection = connect("cases");
             PreparedStatement select = connection.prepareStatement("SELECT * FROM " + eventTable(connection)
                     + " WHERE aggregateidentifier = ? ORDER BY sequencenumber")) {
            select.setString(1, caseId);
            rows = 0;
            for (int i = 0; i < settings.reads(); i++) {
                long t = System.nanoTime();
                int n = 0;
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        result.getBytes("payload");
                        n++;
                    }
                }
                sql.add(System.nanoTime() - t);
                rows = n;
            }
        }
        String raw = "SQL select of its %d rows: %s".formatted(rows, sql.percentiles());
        report.row("timeline of a %d-event case (%d entries)".formatted(rows, entries), timeline.percentiles(), raw,
                "p99 " + Report.ratio(timeline.millis(0.99), sql.millis(0.99)) + "×", "p99 < 20 ms");
        report.row("as-of (halfway) of the same case", asOf.percentiles(), raw,
                "p99 " + Report.ratio(asOf.millis(0.99), sql.millis(0.99)) + "×", "p99 < 20 ms");
        report.row("colleague consultation on that case: first %d vs last %d".formatted(compared, compared), "last: " + late.percentiles(), "first: " + early.percentiles(),
                "p50 " + Report.ratio(late.millis(0.5), early.millis(0.5)) + "×", "no slower on a long case");
    }

    private Latencies reads(String person, String url) {
        http.getJson(person, url); // warm-up
        Latencies latencies = new Latencies();
        for (int i = 0; i < settings.reads(); i++) {
            long t = System.nanoTime();
            var response = http.get(person, url);
            latencies.add(System.nanoTime() - t);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + url + ": HTTP " + response.statusCode() + " " + response.body());
            }
        }
        return latencies;
    }

    // ---- dashboards --------------------------------------------------------------------------------------------------

    private void dashboards() throws Exception {
        awaitProjectionsCaughtUp();
        String base = system.reportingServiceUrl() + "/api/dashboards/";
        JsonNode board = http.getJson(Board.BOARD_OFFICER.personId(), base + "board/" + Board.BOARD_ID);
        report.note("board dashboard: casesOpened " + board.path("totals").path("casesOpened").path("value").asText("?")
                + ", schools " + board.path("perSchool").size());
        try (ReadModelRebuild rebuilds = new ReadModelRebuild(system.engines().mongoUri("reporting"))) {
            report.note("largest dashboard month (school|month): " + rebuilds.largestDashboardMonth());
        }
        for (String[] level : new String[][] {{"school", Board.schools(settings.schools()).get(0)}, {"cluster", Board.clusterOf(0)},
                {"board", Board.BOARD_ID}}) {
            Latencies latencies = reads(Board.BOARD_OFFICER.personId(), base + level[0] + "/" + level[1]);
            report.row(level[0] + " dashboard (" + settings.schools() + " schools, " + settings.years() + " years)", latencies.percentiles(), "—", "—",
                    "p99 < 100 ms at 100 schools, five years");
        }
    }

    // ---- rebuild ---------------------------------------------------------------------------------------------------

    /**
     * Each read model rebuilt from offset 0. A generational one (meldcode-cases, dashboard-counters) builds generation
     * n+1 beside the served one in its own consumer group and is timed until the pointer switches to it; one rebuilt in
     * place until its positions reach the topics' ends again. The rate counts the records on the topics when the rebuild
     * was asked: every one of them is applied once.
     */
    private void rebuild() throws Exception {
        awaitProjectionsCaughtUp();
        KafkaLag kafka = new KafkaLag(system.engines().kafkaBootstrapServers());
        double raw = new RawMongo(system.engines().mongoUri("bench")).bulkUpsert(Math.max(settings.rawRows(), 1000));
        try (ReadModelRebuild rebuilds = new ReadModelRebuild(system.engines().mongoUri("reporting"))) {
            for (String readModel : READ_MODELS) {
                var ends = kafka.topicEnds(topicsOf(readModel));
                long records = kafka.records(ends);
                int served = rebuilds.served(readModel);
                long started = System.nanoTime();
                int status = http.postAsAdministrator(ADMINISTRATOR, system.reportingServiceUrl() + "/api/admin/read-models/" + readModel + "/rebuild", Map.of());
                if (status != 202) {
                    throw new IllegalStateException("Rebuild of " + readModel + " refused: HTTP " + status);
                }
                Integer building = rebuilds.building(readModel);
                String how;
                if (building != null) {
                    rebuilds.awaitServed(readModel, building, Duration.ofHours(3));
                    how = "beside generation %d, switched to %d".formatted(served, building);
                } else {
                    rebuilds.awaitApplied(readModel, served, ends, Duration.ofHours(3), kafka);
                    how = "in place";
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                double rate = records / seconds;
                report.row("rebuild of the %s read model, %s (%d events)".formatted(readModel, how, records),
                        Report.number(rate) + " events/s (" + Report.number(seconds) + " s)",
                        "Mongo bulk upsert, same mongo-java-server: " + Report.number(raw) + " docs/s", Report.ratio(rate, raw),
                        "≥ 0.50; 1M events in minutes");
            }
        }
    }

    /** The served generations of the read models the probes read have applied everything on the topics. */
    private void awaitProjectionsCaughtUp() throws Exception {
        KafkaLag kafka = new KafkaLag(system.engines().kafkaBootstrapServers());
        try (ReadModelRebuild rebuilds = new ReadModelRebuild(system.engines().mongoUri("reporting"))) {
            List<String> waited = new ArrayList<>();
            for (String readModel : READ_MODELS) {
                var ends = kafka.topicEnds(topicsOf(readModel));
                String consumer = ReadModelRebuild.consumerName(readModel, rebuilds.served(readModel));
                long behind = ReadModelRebuild.lagging(ends, rebuilds.applied(consumer)).values().stream().mapToLong(Long::longValue).sum();
                long started = System.nanoTime();
                rebuilds.awaitApplied(readModel, rebuilds.served(readModel), ends, Duration.ofHours(1), kafka);
                double seconds = (System.nanoTime() - started) / 1e9;
                if (behind > 0) {
                    waited.add("%s %d records behind, applied in %.0f s (%s records/s)".formatted(consumer, behind, seconds, Report.number(behind / seconds)));
                }
            }
            if (!waited.isEmpty()) {
                // a projection slower than the probes' writes leaves a backlog: what it was tells how much slower
                report.note("waited for the read models to catch up: " + String.join("; ", waited));
            }
        }
    }

    // ---- processes ----------------------------------------------------------------------------------------------------

    private void processes() {
        List<String> rss = new ArrayList<>();
        Processes.byName(data).forEach((name, handles) -> rss.add(name + " " + Processes.rssMegabytes(handles) + " MB"));
        report.note("RSS at the end (from /proc): " + String.join(", ", rss));
        Processes.byName(data).entrySet().stream().filter(e -> Processes.SERVICES.contains(e.getKey()) && !e.getValue().isEmpty()).findFirst()
                .ifPresent(e -> report.note("services' JVM flags (" + e.getKey() + ", the same for each): " + Processes.jvmFlags(e.getValue().get(0))));
        report.note("engines' JVM (this one): " + String.join(" ", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments())
                + "; max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB, peak heap used " + heap.peakUsedMegabytes()
                + " MB (sampled every " + HeapWatch.SAMPLE_MILLIS + " ms; the most still used after a collection " + heap.peakAfterCollectionMegabytes() + " MB), RSS "
                + Processes.rssMegabytes(List.of(ProcessHandle.current())) + " MB; " + Runtime.version() + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs");
    }

    // ---- the engines -----------------------------------------------------------------------------------------------

    private String connectionUrl(String database) throws SQLException {
        if (!database.equals("cases") && !database.equals("signals")) {
            try (Connection postgres = DriverManager.getConnection(system.engines().jdbcUrl("postgres"), "postgres", "");
                 Statement statement = postgres.createStatement()) {
                if (!statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'").next()) {
                    statement.execute("CREATE DATABASE " + database);
                }
            }
        }
        return system.engines().jdbcUrl(database);
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(connectionUrl(database), "postgres", "");
    }

    /** Axon's JDBC event store table (platform db/eventstore V1), schema-qualified wherever Flyway put it. */
    private static String eventTable(Connection connection) throws SQLException {
        try (ResultSet tables = connection.createStatement().executeQuery("SELECT table_schema FROM information_schema.tables "
                + "WHERE table_name = 'domainevententry' ORDER BY table_schema")) {
            if (!tables.next()) {
                throw new IllegalStateException("No event table domainevententry");
            }
            return tables.getString(1) + ".domainevententry";
        }
    }

    // below the ephemeral range: a port the OS handed out (new ServerSocket(0)) was taken by the engines or an outgoing
    // connection before the service bound it, and the reporting-service stopped while starting in a verify
    private static int freePort() throws IOException {
        return FreePorts.free();
    }

    private static long seconds(long nanos) {
        return Duration.ofNanos(nanos).toSeconds();
    }
}
