package nl.meldspoor.local.browser;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Stops the shared local system of the end-to-end tests ({@link nl.meldspoor.local.SharedLocalSystem}) when the test run ends (registered in META-INF/services). */
public class BrowserSystemStop implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        BrowserSystem.stop();
    }
}
