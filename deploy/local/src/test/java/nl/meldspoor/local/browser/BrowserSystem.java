package nl.meldspoor.local.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import nl.meldspoor.local.LocalSettings;
import nl.meldspoor.local.LocalSystem;
import nl.meldspoor.local.TestPortsAccess;

/**
 * One local system with the demo board for every browser test class in the failsafe JVM: starting the engines, the
 * five services and the demo board takes minutes, so the browser tests share it (each test creates or picks its own
 * pupils and cases, and never assumes an empty school). Stopped when the test run ends ({@link BrowserSystemStop}), before
 * the JVM exits: failsafe kills a JVM whose shutdown takes longer than 30 s, which would leave PostgreSQL running.
 */
public final class BrowserSystem {

    private static LocalSystem system;
    private static Path data;

    private BrowserSystem() {
    }

    /** The shared system, started on first use; skips the calling test class when Chromium is missing. */
    public static synchronized LocalSystem withDemoBoard() throws Exception {
        Browser.assumeInstalled();
        if (system == null) {
            Path root = Path.of(System.getProperty("meldspoor.local.root", "../..")).toAbsolutePath().normalize();
            data = Files.createTempDirectory("meldspoor-browser-");
            LocalSystem started = new LocalSystem(new LocalSettings(root, data, TestPortsAccess.free(), TestPortsAccess.free(),
                    TestPortsAccess.free(), TestPortsAccess.free(), TestPortsAccess.free(), TestPortsAccess.free(), TestPortsAccess.free(),
                    TestPortsAccess.free(), TestPortsAccess.free(), TestPortsAccess.free(), true, Map.of()));
            try {
                started.start();
            } catch (Exception | Error failed) {
                // a half-started system still has engines and services running: stop them, or they outlive the build
                started.close();
                throw failed;
            }
            system = started;
            Runtime.getRuntime().addShutdownHook(new Thread(BrowserSystem::stop, "browser-system-stop"));
        }
        return system;
    }

    /** Stops the shared system if it was started; safe to call more than once. */
    static synchronized void stop() {
        if (system == null) {
            return;
        }
        system.close();
        system = null;
        try (var files = Files.walk(data)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is not worth failing the build for
        }
    }
}
