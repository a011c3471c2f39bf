package nl.meldspoor.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system on one machine: the engines once, then every service as its own process against
 * them, each on its own port — and, the first time, a demo board with cases in different steps.
 * Stop it with Ctrl-C; the data stays under {@code data/local}.
 */
public final class LocalSystem implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalSystem.class);
    private static final Duration STARTUP = Duration.ofMinutes(4);

    private final LocalSettings settings;
    private Engines engines;
    private final List<ServiceProcess> services = new ArrayList<>();

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
        services.add(ServiceProcess.start("case-service", settings.root(), settings.casePort(), logs, List.of(
                "--spring.datasource.url=" + engines.jdbcUrl("cases"),
                "--spring.datasource.username=postgres",
                "--spring.kafka.bootstrap-servers=" + engines.kafkaBootstrapServers())));
        services.add(ServiceProcess.start("reporting-service", settings.root(), settings.reportingPort(), logs, List.of(
                "--spring.data.mongodb.uri=" + engines.mongoUri("reporting"),
                "--spring.kafka.bootstrap-servers=" + engines.kafkaBootstrapServers())));
        for (ServiceProcess service : services) {
            service.awaitHealthy(STARTUP);
            log.info("{} is up at {}", service.name(), service.url());
        }
        Path demoMarker = settings.dataDirectory().resolve("demo-board-loaded");
        if (settings.loadDemo() && !Files.exists(demoMarker)) {
            new DemoBoard(caseServiceUrl()).load();
            Files.writeString(demoMarker, "The demo board was loaded; delete this file and the data directory to load it again.\n");
        }
    }

    public String caseServiceUrl() {
        return "http://localhost:" + settings.casePort();
    }

    public String reportingServiceUrl() {
        return "http://localhost:" + settings.reportingPort();
    }

    public Engines engines() {
        return engines;
    }

    private void printWelcome() {
        System.out.println("""

                Meldspoor runs locally (data in %s, service logs in %s):
                  case-service       %s/swagger-ui.html
                  reporting-service  %s/swagger-ui.html
                  board dashboard    %s/api/dashboards/board/bestuur-voorbeeld
                  Kafka              %s
                  PostgreSQL         %s
                Stop with Ctrl-C.
                """.formatted(settings.dataDirectory(), settings.dataDirectory().resolve("logs"), caseServiceUrl(),
                reportingServiceUrl(), reportingServiceUrl(), engines.kafkaBootstrapServers(), engines.jdbcUrl("cases")));
    }

    @Override
    public synchronized void close() {
        services.forEach(ServiceProcess::close);
        services.clear();
        if (engines != null) {
            engines.close();
            engines = null;
        }
    }
}
