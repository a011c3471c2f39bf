package nl.meldspoor.local;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where and on which ports the local system runs. Each setting can be given as a system property
 * ({@code -Dmeldspoor.local.case-port=9081}) or an environment variable ({@code MELDSPOOR_LOCAL_CASE_PORT}).
 *
 * @param root          the repository root, where the services' executable jars are built
 * @param dataDirectory where the engines keep their data and the services their logs
 * @param loadDemo      load the demo board into an empty system
 * @param webPort       the web application's port; 0 picks a free one when the system starts (tests)
 * @param arguments     further command-line arguments per service name (settings a test needs, such as a retention period)
 * @param jvmOptions    the JVM options every service process starts with ({@code MELDSPOOR_LOCAL_JVM_OPTIONS}); always with an
 *                      explicit heap: without {@code -Xmx} in them, {@value #DEFAULT_HEAP} is added
 */
public record LocalSettings(Path root, Path dataDirectory, int casePort, int signalPort, int reportingPort, int notificationPort,
                            int postgresPort, int kafkaPort, int mongoPort, int smtpPort, int issuerPort, int webPort, boolean loadDemo,
                            Map<String, List<String>> arguments, List<String> jvmOptions) {

    /** The heap of a service when the options name none: five services fit on a developer's machine, and none grows without bound. */
    public static final String DEFAULT_HEAP = "-Xmx512m";
    /**
     * Quick to start (C1 only, serial GC): the default for trying the system and for the end-to-end tests. Not what a
     * board runs: {@link #PRODUCTION_JVM_OPTIONS} are the deployed services' settings (full JIT, G1).
     */
    public static final List<String> QUICK_START_JVM_OPTIONS = List.of(DEFAULT_HEAP, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    /** As deployed (deploy/docker leaves the JIT and G1 at the JVM's defaults): a fixed heap, G1, full tiered compilation. */
    public static final List<String> PRODUCTION_JVM_OPTIONS = List.of("-Xms512m", DEFAULT_HEAP, "-XX:+UseG1GC");

    public LocalSettings {
        arguments = Map.copyOf(arguments);
        jvmOptions = withExplicitHeap(jvmOptions == null || jvmOptions.isEmpty() ? QUICK_START_JVM_OPTIONS : jvmOptions);
    }

    public LocalSettings(Path root, Path dataDirectory, int casePort, int signalPort, int reportingPort, int notificationPort,
                         int postgresPort, int kafkaPort, int mongoPort, int smtpPort, int issuerPort, int webPort, boolean loadDemo,
                         Map<String, List<String>> arguments) {
        this(root, dataDirectory, casePort, signalPort, reportingPort, notificationPort, postgresPort, kafkaPort, mongoPort, smtpPort,
                issuerPort, webPort, loadDemo, arguments, QUICK_START_JVM_OPTIONS);
    }

    /** These settings with other JVM options for every service (a heap is added when they name none). */
    public LocalSettings withJvmOptions(List<String> options) {
        return new LocalSettings(root, dataDirectory, casePort, signalPort, reportingPort, notificationPort, postgresPort, kafkaPort,
                mongoPort, smtpPort, issuerPort, webPort, loadDemo, arguments, options);
    }

    private static List<String> withExplicitHeap(List<String> options) {
        if (options.stream().anyMatch(option -> option.startsWith("-Xmx") || option.startsWith("-XX:MaxHeapSize="))) {
            return List.copyOf(options);
        }
        return Stream.concat(Stream.of(DEFAULT_HEAP), options.stream()).toList();
    }

    /** {@code quick-start} (the default), {@code production}, or the options themselves, separated by spaces. */
    static List<String> jvmOptionsNamed(String value) {
        return switch (value.strip()) {
            case "", "quick-start" -> QUICK_START_JVM_OPTIONS;
            case "production" -> PRODUCTION_JVM_OPTIONS;
            default -> List.of(value.strip().split("\\s+"));
        };
    }

    public LocalSettings(Path root, Path dataDirectory, int casePort, int signalPort, int reportingPort, int notificationPort,
                         int postgresPort, int kafkaPort, int mongoPort, int smtpPort, int issuerPort, boolean loadDemo) {
        this(root, dataDirectory, casePort, signalPort, reportingPort, notificationPort, postgresPort, kafkaPort, mongoPort, smtpPort,
                issuerPort, 0, loadDemo, Map.of());
    }

    /** These settings with more command-line arguments for one service. */
    public LocalSettings withArguments(String service, String... more) {
        Map<String, List<String>> all = new HashMap<>(arguments);
        all.merge(service, List.of(more), (known, added) -> Stream.concat(known.stream(), added.stream()).toList());
        return new LocalSettings(root, dataDirectory, casePort, signalPort, reportingPort, notificationPort, postgresPort, kafkaPort,
                mongoPort, smtpPort, issuerPort, webPort, loadDemo, all, jvmOptions);
    }

    List<String> argumentsOf(String service) {
        return arguments.getOrDefault(service, List.of());
    }

    public static LocalSettings fromEnvironment() {
        Path root = Path.of(setting("root", ".")).toAbsolutePath().normalize();
        return new LocalSettings(root,
                root.resolve(setting("data-directory", "data/local")).normalize(),
                Integer.parseInt(setting("case-port", "8081")),
                Integer.parseInt(setting("signal-port", "8082")),
                Integer.parseInt(setting("reporting-port", "8083")),
                Integer.parseInt(setting("notification-port", "8084")),
                Integer.parseInt(setting("postgres-port", "54329")),
                Integer.parseInt(setting("kafka-port", "19092")),
                Integer.parseInt(setting("mongo-port", "27019")),
                Integer.parseInt(setting("smtp-port", "3025")),
                Integer.parseInt(setting("issuer-port", "9000")),
                Integer.parseInt(setting("web-port", "8080")),
                Boolean.parseBoolean(setting("demo", "true")),
                Map.of(),
                jvmOptionsNamed(setting("jvm-options", "quick-start")));
    }

    private static String setting(String name, String fallback) {
        String property = System.getProperty("meldspoor.local." + name);
        if (property != null) {
            return property;
        }
        String variable = System.getenv("MELDSPOOR_LOCAL_" + name.toUpperCase().replace('-', '_'));
        return variable != null ? variable : fallback;
    }
}
