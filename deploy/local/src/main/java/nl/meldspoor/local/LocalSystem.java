package nl.meldspoor.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.meldspoor.local.issuer.LocalIssuer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system on one machine: the engines and a local OIDC issuer once, then every service as its
 * own process against them, each on its own port, with the demo staff in the staff directory — and, the first time, a demo board with signals, incidents and cases in
 * different steps. Stop it with Ctrl-C; the data stays under {@code data/local}.
 */
public final class LocalSystem implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalSystem.class);
    private static final Duration STARTUP = Duration.ofMinutes(4);

    private final LocalSettings settings;
    private Engines engines;
    private LocalIssuer issuer;
    private LocalTokens tokens;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();

    private final java.util.Map<String, String> serviceCredentials = freshServiceCredentials();

    public LocalSystem(LocalSettings settings) {
        this.settings = settings;
    }

    /** Starts only the local issuer, for a service run on its own (README, "Every service also runs on its own"). */
    static final String ISSUER_ONLY = "--issuer-only";

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains(ISSUER_ONLY)) {
            runIssuerAlone(LocalSettings.fromEnvironment());
            return;
        }
        LocalSystem system = new LocalSystem(LocalSettings.fromEnvironment());
        Runtime.getRuntime().addShutdownHook(new Thread(system::close, "meldspoor-local-shutdown"));
        system.start();
        system.printWelcome();
        Thread.currentThread().join();
    }

    private static void runIssuerAlone(LocalSettings settings) throws InterruptedException {
        LocalIssuer issuer = LocalIssuer.start(settings.issuerPort());
        Runtime.getRuntime().addShutdownHook(new Thread(issuer::close, "meldspoor-local-issuer-shutdown"));
        log.info("Local OIDC issuer alone at {} (demo staff, password '{}'; administrator {}): start a service with "
                        + "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI={} MELDSPOOR_STAFF_ADMINISTRATORS={}. Stop with Ctrl-C.",
                issuer.url(), DemoStaff.PASSWORD, DemoStaff.ADMINISTRATOR, issuer.url(), DemoStaff.ADMINISTRATOR);
        Thread.currentThread().join();
    }

    public void start() throws IOException, InterruptedException {
        engines = Engines.start(settings);
        issuer = LocalIssuer.start(settings.issuerPort());
        tokens = new LocalTokens(issuer.url());
        log.info("Local OIDC issuer (demo staff, password '{}') at {}", DemoStaff.PASSWORD, issuer.url());
        Path logs = settings.dataDirectory().resolve("logs");
        String kafka = "--spring.kafka.bootstrap-servers=" + engines.kafkaBootstrapServers();
        String tokenIssuer = "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer.url();
        String administrators = "--meldspoor.staff.administrators=" + DemoStaff.ADMINISTRATOR;
        String signalTexts = "--meldspoor.personal-data.holders.signal-service=" + signalServiceUrl();
        String caseTexts = "--meldspoor.personal-data.holders.case-service=" + caseServiceUrl();
        launch("case-service", settings.casePort(), logs, List.of(
                "--spring.datasource.url=" + engines.jdbcUrl("cases"), "--spring.datasource.username=postgres", kafka, tokenIssuer, administrators,
                signalTexts));
        launch("signal-service", settings.signalPort(), logs, List.of(
                "--spring.datasource.url=" + engines.jdbcUrl("signals"), "--spring.datasource.username=postgres", kafka, tokenIssuer,
                administrators));
        launch("reporting-service", settings.reportingPort(), logs, List.of(
                "--spring.data.mongodb.uri=" + engines.mongoUri("reporting"), kafka, tokenIssuer, administrators, caseTexts, signalTexts));
        launch("notification-service", settings.notificationPort(), logs, List.of(
                "--spring.data.mongodb.uri=" + engines.mongoUri("notifications"), kafka, tokenIssuer, administrators,
                "--spring.mail.host=localhost", "--spring.mail.port=" + engines.smtpPort(), "--meldspoor.notifications.scan-interval=5s"));
        for (ServiceProcess service : services.values()) {
            service.awaitHealthy(STARTUP);
            log.info("{} is up at {}", service.name(), service.url());
        }
        if (settings.loadDemo()) {
            new DemoStaffLoader(tokens, caseServiceUrl(), List.of(caseServiceUrl(), signalServiceUrl(), reportingServiceUrl(),
                    notificationServiceUrl())).load(STARTUP);
        }
        Path demoMarker = settings.dataDirectory().resolve("demo-board-loaded");
        if (settings.loadDemo() && !Files.exists(demoMarker)) {
            new DemoBoard(caseServiceUrl(), signalServiceUrl(), tokens).load();
            Files.writeString(demoMarker, "The demo board was loaded; delete this file and the data directory to load it again.\n");
        }
    }

    private void launch(String name, int port, Path logs, List<String> arguments) throws IOException {
        List<String> all = new java.util.ArrayList<>(arguments);
        all.addAll(settings.argumentsOf(name));
        services.put(name, ServiceProcess.start(name, settings.root(), port, logs, all, serviceCredentials));
    }

    /**
     * The services' credentials for having texts opened at the holders of keys, fresh for each run of the
     * local system (nothing outlives it that would need them), passed in the environment as in compose and k8s.
     */
    private static java.util.Map<String, String> freshServiceCredentials() {
        java.security.SecureRandom random = new java.security.SecureRandom();
        java.util.Map<String, String> credentials = new java.util.HashMap<>();
        for (String service : List.of("CASE_SERVICE", "REPORTING_SERVICE")) {
            byte[] secret = new byte[24];
            random.nextBytes(secret);
            credentials.put("MELDSPOOR_SERVICE_CREDENTIAL_" + service, java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
        }
        return java.util.Map.copyOf(credentials);
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

    /** Tokens of the local issuer for the demo staff. */
    public LocalTokens tokens() {
        return tokens;
    }

    public String issuerUrl() {
        return issuer.url();
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
                "  OIDC issuer           " + issuer.url() + "  (demo staff: ib-a, dir-a, lk-a, af-a, icp-a ... -e, cd-noord, cd-zuid, bo-bestuur,",
                "                        audit-inspectie; administrator " + DemoStaff.ADMINISTRATOR + "; password '" + DemoStaff.PASSWORD + "')",
                "  a token               curl -s -u ib-a:" + DemoStaff.PASSWORD + " -d grant_type=client_credentials " + issuer.url() + "/oauth2/token",
                "  inbox of ib-a         " + notificationServiceUrl() + "/api/inbox  (Authorization: Bearer <token of ib-a>)",
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
        if (issuer != null) {
            issuer.close();
            issuer = null;
        }
        if (engines != null) {
            engines.close();
            engines = null;
        }
    }
}
