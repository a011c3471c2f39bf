package nl.meldspoor.local;

import nl.meldspoor.engines.FreePorts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.meldspoor.local.issuer.LocalIssuer;
import nl.meldspoor.local.issuer.WebClientRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system on one machine: the engines and a local OIDC issuer once, then every service as its
 * own process against them, each on its own port, with the demo staff in the staff directory — and, the first time, a demo board with signals, incidents and cases in
 * different steps. Stop it with Ctrl-C; the data stays under {@code data/local}.
 */
public final class LocalSystem implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalSystem.class);
    /** Five service JVMs start at once on two cores: on a busy machine one can take several minutes. */
    private static final Duration STARTUP = Duration.ofMinutes(7);
    /** In the data directory once the demo board was loaded: a system started on it again loads the demo staff only. */
    private static final String DEMO_BOARD_MARKER = "demo-board-loaded";

    private final LocalSettings settings;
    private Engines engines;
    private LocalIssuer issuer;
    private LocalTokens tokens;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();

    private final java.util.Map<String, String> serviceCredentials = freshServiceCredentials();
    private final int webPort;
    private final WebClientRegistration webClient;

    public LocalSystem(LocalSettings settings) {
        this.settings = settings;
        this.webPort = settings.webPort() != 0 ? settings.webPort() : freePort();
        // the web application's client secret at the local issuer: fresh for each run, like the service credentials
        this.webClient = new WebClientRegistration(WebClientRegistration.CLIENT_ID, freshSecret(), "http://localhost:" + webPort);
    }

    /** Starts only the local issuer, for a service run on its own (README, "Every service also runs on its own"). */
    static final String ISSUER_ONLY = "--issuer-only";

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains(ISSUER_ONLY)) {
            runIssuerAlone(LocalSettings.fromEnvironment());
            return;
        }
        warnWithoutExplicitHeap();
        LocalSystem system = new LocalSystem(LocalSettings.fromEnvironment());
        Runtime.getRuntime().addShutdownHook(new Thread(system::close, "meldspoor-local-shutdown"));
        system.start();
        system.printWelcome();
        Thread.currentThread().join();
    }

    /**
     * This JVM hosts Kafka and mongo-java-server for all services: without a heap limit it takes a quarter of the
     * machine's memory and keeps what it once used (4.4 GB resident after a board's worth of events was seen). The
     * README starts it with an explicit -Xmx; said once here for whoever starts it otherwise.
     */
    private static void warnWithoutExplicitHeap() {
        List<String> options = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments();
        if (options.stream().noneMatch(option -> option.startsWith("-Xmx") || option.startsWith("-XX:MaxHeapSize="))) {
            log.warn("The engines' JVM runs without an explicit heap (max {} MB): start it as java -Xmx1g -jar "
                    + "deploy/local/target/meldspoor-local-0.1.0-SNAPSHOT-exec.jar", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        }
    }

    private static void runIssuerAlone(LocalSettings settings) throws InterruptedException {
        // with MELDSPOOR_WEB_CLIENT_SECRET set, the web application run on its own can sign people in here too
        String webSecret = System.getenv("MELDSPOOR_WEB_CLIENT_SECRET");
        LocalIssuer issuer = LocalIssuer.start(settings.issuerPort(), webSecret == null ? null
                : new WebClientRegistration(WebClientRegistration.CLIENT_ID, webSecret, "http://localhost:" + settings.webPort()));
        Runtime.getRuntime().addShutdownHook(new Thread(issuer::close, "meldspoor-local-issuer-shutdown"));
        log.info("Local OIDC issuer alone at {} (demo staff, password '{}'; administrator {}): start a service with "
                        + "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI={} MELDSPOOR_STAFF_ADMINISTRATORS={}. Stop with Ctrl-C.",
                issuer.url(), DemoStaff.PASSWORD, DemoStaff.ADMINISTRATOR, issuer.url(), DemoStaff.ADMINISTRATOR);
        Thread.currentThread().join();
    }

    public void start() throws IOException, InterruptedException {
        engines = Engines.start(settings);
        issuer = LocalIssuer.start(settings.issuerPort(), webClient);
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
        launch("web", webPort, logs, List.of(
                "--spring.datasource.url=" + engines.jdbcUrl("web"), "--spring.datasource.username=postgres",
                "--meldspoor.web.services.case-service=" + caseServiceUrl(),
                "--meldspoor.web.services.signal-service=" + signalServiceUrl(),
                "--meldspoor.web.services.reporting-service=" + reportingServiceUrl(),
                "--meldspoor.web.services.notification-service=" + notificationServiceUrl()),
                java.util.Map.of("MELDSPOOR_WEB_ISSUER_URI", issuer.url(),
                        "MELDSPOOR_WEB_CLIENT_ID", webClient.clientId(),
                        "MELDSPOOR_WEB_CLIENT_SECRET", webClient.clientSecret()));
        for (ServiceProcess service : services.values()) {
            service.awaitHealthy(STARTUP);
            log.info("{} is up at {}", service.name(), service.url());
        }
        if (settings.loadDemo()) {
            new DemoStaffLoader(tokens, caseServiceUrl(), List.of(caseServiceUrl(), signalServiceUrl(), reportingServiceUrl(),
                    notificationServiceUrl())).load(STARTUP);
        }
        Path demoMarker = settings.dataDirectory().resolve(DEMO_BOARD_MARKER);
        if (settings.loadDemo() && !Files.exists(demoMarker)) {
            new DemoBoard(caseServiceUrl(), signalServiceUrl(), tokens).load();
            Files.writeString(demoMarker, "The demo board was loaded; delete this file and the data directory to load it again.\n");
        }
    }

    private void launch(String name, int port, Path logs, List<String> arguments) throws IOException {
        launch(name, port, logs, arguments, java.util.Map.of());
    }

    /** @param environment more of the process's environment than the service credentials: secrets go there, not on its command line */
    private void launch(String name, int port, Path logs, List<String> arguments, java.util.Map<String, String> environment) throws IOException {
        List<String> all = new java.util.ArrayList<>(arguments);
        all.addAll(settings.argumentsOf(name));
        java.util.Map<String, String> env = new java.util.HashMap<>(serviceCredentials);
        env.putAll(environment);
        if (List.of("case-service", "signal-service").contains(name)) {
            env.put("MELDSPOOR_KEY_ENCRYPTION_KEY", keyEncryptionKeyOf(name));
        }
        services.put(name, ServiceProcess.start(name, settings.root(), port, logs, settings.jvmOptions(), all, env));
    }

    private static int freePort() {
        try {
            return FreePorts.free();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String freshSecret() {
        byte[] secret = new byte[24];
        new java.security.SecureRandom().nextBytes(secret);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /**
     * The service's own key-encryption key: a write service on a configured database does not start without one,
     * as in compose and k8s. Kept beside the data it opens (a local system has no vault), made once, readable by
     * the owner only; record keys stored before it existed are read as they are.
     */
    private String keyEncryptionKeyOf(String service) throws IOException {
        Path file = settings.dataDirectory().resolve("keys").resolve(service + ".key-encryption-key");
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            byte[] key = new byte[32];
            new java.security.SecureRandom().nextBytes(key);
            Files.writeString(file, java.util.Base64.getEncoder().encodeToString(key));
            try {
                Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                log.debug("{} keeps the file system's default permissions", file);
            }
        }
        return Files.readString(file).strip();
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

    /** A system started on this data directory loads the demo staff but not the demo board (a test that makes its own records). */
    public static void withoutDemoBoard(Path dataDirectory) throws IOException {
        Files.createDirectories(dataDirectory);
        Files.writeString(dataDirectory.resolve(DEMO_BOARD_MARKER), "No demo board: the demo staff only.\n");
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

    /** The web application for school staff. */
    public String webUrl() {
        return "http://localhost:" + webPort;
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

    /** The process id of each running service, by name. */
    public Map<String, Long> serviceProcessIds() {
        Map<String, Long> ids = new LinkedHashMap<>();
        services.forEach((name, service) -> ids.put(name, service.pid()));
        return ids;
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
                "  open                  " + webUrl() + "  and sign in as lk-a (leerkracht), ib-a (IB'er), dir-a (directeur) ... password '"
                        + DemoStaff.PASSWORD + "'",
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
        long stopping = System.nanoTime();
        // side by side: one after another they took the sum of their shutdowns (0.4-2 s each with the engines up)
        services.values().forEach(ServiceProcess::askToStop);
        services.values().forEach(ServiceProcess::close);
        if (!services.isEmpty()) {
            log.info("Services stopped in {} ms", (System.nanoTime() - stopping) / 1_000_000);
        }
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
