package nl.meldspoor.local.browser;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Stops the browser tests' shared local system when the test run ends (registered in META-INF/services). */
public class BrowserSystemStop implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        BrowserSystem.stop();
    }
}
