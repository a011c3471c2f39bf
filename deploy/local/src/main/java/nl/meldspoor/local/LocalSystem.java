package nl.meldspoor.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system on one machine: the engines once, then every service as its own process against
 * them, each on its own port — and, the first time, a demo board with signals, incidents and cases in
 * different steps. Stop it with Ctrl-C; the data stays under {@code data/local}.
 */
public final class LocalSystem implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalSystem.class);
    private static final Duration STARTUP = Duration.ofMinutes(4);

    private final LocalSettings settings;
    private Engines engines;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();

    public LocalSystem(LocalSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        LocalSystem system = new LocalSystem(LocalSettings.fromEnvironment());
        Runtime.getRuntime().addShutdownHook(new Thread(system::close, "meldspoor-local-shutdown"));
        system.start();
        system.printWelcome();
        Thread.currentThread().join();
    }

    public void start() throws IOException, InterruptedException {
        engines = Engines.start(settings);
        Path logs = settings.dataDirectory().resolve("logs");
        String kafka = "--spring.kafka.bootstrap-servers=" + engines.kafkaBootstrapServers();
        launch("case-service", settings.casePort(), logs, List.of(
                "--spring.datasource.url=" + engines.jdbcUrl("cases"), "--spring.datasource.username=postgres", kafka));
        launch("signal-service", settings.signalPort(), logs, List.of(
                "--spring.datasource.url=" + engines.jdbcUrl("signals"), "--spring.datasource.username=postgres", kafka));
        launch("reporting-service", settings.reportingPort(), logs, List.of(
                "--spring.data.mongodb.uri=" + engines.mongoUri("reporting"), kafka));
        launch("notification-service", settings.notificationPort(), logs, List.of(
                "--spring.data.mongodb.uri=" + engines.mongoUri("notifications"), kafka,
                "--spring.mail.host=localhost", "--spring.mail.port=" + engines.smtpPort(), "--meldspoor.notifications.scan-interval=5s"));
        for (ServiceProcess service : services.values()) {
            service.awaitHealthy(STARTUP);
            log.info("{} is up at {}", service.name(), service.url());
        }
        Path demoMarker = settings.dataDirectory().resolve("demo-board-loaded");
        if (settings.loadDemo() && !Files.exists(demoMarker)) {
            new DemoBoard(caseServiceUrl(), signalServiceUrl()).load();
            Files.writeString(demoMarker, "The demo board was loaded; delete this file and the data directory to load it again.\n");
        }
    }

    private void launch(String name, int port, Path logs, List<String> arguments) throws IOException {
        services.put(name, ServiceProcess.start(name, settings.root(), port, logs, arguments));
    }

    /** Stops one service, as if it went down; the engines and the other services keep running. */
    public void stopService(String name) {
        services.get(name).close();
    }

    /** Starts a stopped service again and waits until it is healthy. */
    public void restartService(String name) throws IOException, InterruptedException {
        ServiceProcess service = services.get(name);
        service.start();
        service.awaitHealthy(STARTUP);
    }

    public String caseServiceUrl() {
        return "http://localhost:" + settings.casePort();
    }

    public String signalServiceUrl() {
        return "http://localhost:" + settings.signalPort();
    }

    public String reportingServiceUrl() {
        return "http://localhost:" + settings.reportingPort();
    }

    public String notificationServiceUrl() {
        return "http://localhost:" + settings.notificationPort();
    }

    public Engines engines() {
        return engines;
    }

    private void printWelcome() {
        String welcome = String.join(System.lineSeparator(),
                "",
                "Meldspoor runs locally (data in " + settings.dataDirectory() + ", service logs in " + settings.dataDirectory().resolve("logs") + "):",
                "  case-service          " + caseServiceUrl() + "/swagger-ui.html",
                "  signal-service        " + signalServiceUrl() + "/swagger-ui.html",
                "  reporting-service     " + reportingServiceUrl() + "/swagger-ui.html",
                "  notification-service  " + notificationServiceUrl() + "/swagger-ui.html",
                "  board dashboard       " + reportingServiceUrl() + "/api/dashboards/board/bestuur-voorbeeld",
                "  inbox of ib-a         " + notificationServiceUrl() + "/api/inbox  (headers X-Meldspoor-Person: ib-a, X-Meldspoor-Role: CARE_COORDINATOR)",
                "  mail sent             " + settings.dataDirectory().resolve("mail") + " (.eml files; each also in this log)",
                "  Kafka                 " + engines.kafkaBootstrapServers(),
                "  PostgreSQL            " + engines.jdbcUrl("cases"),
                "Stop with Ctrl-C.",
                "");
        System.out.println(welcome);
    }

    @Override
    public synchronized void close() {
        services.values().forEach(ServiceProcess::close);
        services.clear();
        if (engines != null) {
            engines.close();
            engines = null;
        }
    }
}
