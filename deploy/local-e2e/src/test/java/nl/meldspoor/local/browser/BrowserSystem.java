package nl.meldspoor.local.browser;

import nl.meldspoor.local.LocalSystem;
import nl.meldspoor.local.SharedLocalSystem;

/**
 * The browser tests' local system: the {@link SharedLocalSystem} with the demo board, shared with the other end-to-end
 * tests that can share it (each test creates or picks its own pupils and cases, and never assumes an empty school).
 */
public final class BrowserSystem {

    private BrowserSystem() {
    }

    /** The shared system, started on first use; skips the calling test class when Chromium is missing. */
    public static LocalSystem withDemoBoard() throws Exception {
        Browser.assumeInstalled();
        return SharedLocalSystem.withDemoBoard();
    }

    /** Stops the shared system if it was started; safe to call more than once. */
    static void stop() {
        SharedLocalSystem.stop();
    }
}
