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
 */
public record LocalSettings(Path root, Path dataDirectory, int casePort, int signalPort, int reportingPort, int notificationPort,
                            int postgresPort, int kafkaPort, int mongoPort, int smtpPort, int issuerPort, int webPort, boolean loadDemo,
                            Map<String, List<String>> arguments) {

    public LocalSettings {
        arguments = Map.copyOf(arguments);
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
                mongoPort, smtpPort, issuerPort, webPort, loadDemo, all);
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
                Map.of());
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
