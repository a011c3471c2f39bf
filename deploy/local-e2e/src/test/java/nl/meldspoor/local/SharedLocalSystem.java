package nl.meldspoor.local;

import nl.meldspoor.engines.FreePorts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * One local system with the demo board for every end-to-end test class in the failsafe JVM that can share it (the
 * browser tests, the access matrix, the hostile input): starting the engines, the five services and the demo board
 * takes minutes, and each class used to start its own. The classes that share it create or pick their own pupils,
 * cases and staff and never assume an empty school, the data of another class or a quiet system: they run two at a time
 * (the failsafe configuration of this module). A test that stops a service or an
 * engine, or needs other settings (LocalSystemIT: retention P0D, a case-service restart, Kafka away), keeps its own.
 * Stopped when the test run ends ({@code BrowserSystemStop}, a launcher-session listener), before the JVM exits: failsafe
 * kills a JVM whose shutdown takes longer than 30 s, which would leave PostgreSQL running.
 */
public final class SharedLocalSystem {

    private static LocalSystem system;
    private static Path data;

    private SharedLocalSystem() {
    }

    /** The shared system, started on first use. */
    public static synchronized LocalSystem withDemoBoard() throws Exception {
        if (system == null) {
            Path root = Path.of(System.getProperty("meldspoor.local.root", "../..")).toAbsolutePath().normalize();
            data = Files.createTempDirectory("meldspoor-shared-");
            LocalSystem started = new LocalSystem(new LocalSettings(root, data, FreePorts.free(), FreePorts.free(),
                    FreePorts.free(), FreePorts.free(), FreePorts.free(), FreePorts.free(), FreePorts.free(),
                    FreePorts.free(), FreePorts.free(), FreePorts.free(), true, Map.of()));
            try {
                started.start();
            } catch (Exception | Error failed) {
                // a half-started system still has engines and services running: stop them, or they outlive the build
                started.close();
                throw failed;
            }
            system = started;
            Runtime.getRuntime().addShutdownHook(new Thread(SharedLocalSystem::stop, "shared-local-system-stop"));
        }
        return system;
    }

    /**
     * The services' logs outlive the system's temporary directory under {@code target/shared-local-system-logs}: a class
     * that failed on the shared system can only be understood from them.
     */
    private static void keepTheLogs() {
        Path logs = data.resolve("logs");
        Path kept = Path.of("target", "shared-local-system-logs");
        try (var files = Files.list(logs)) {
            Files.createDirectories(kept);
            for (Path log : files.toList()) {
                Files.copy(log, kept.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException notKept) {
            System.err.println("The shared local system's logs were not kept: " + notKept);
        }
    }

    /** Stops the shared system if it was started; safe to call more than once. */
    public static synchronized void stop() {
        if (system == null) {
            return;
        }
        system.close();
        system = null;
        keepTheLogs();
        try (var files = Files.walk(data)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is not worth failing the build for
        }
    }
}
