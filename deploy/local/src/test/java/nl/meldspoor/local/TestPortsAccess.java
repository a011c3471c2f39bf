package nl.meldspoor.local;

import java.io.IOException;

/** {@link TestPorts} for the end-to-end tests in sub-packages. */
public final class TestPortsAccess {

    private TestPortsAccess() {
    }

    public static int free() throws IOException {
        return TestPorts.free();
    }
}
