package nl.meldspoor.engines;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * Free ports below Linux's ephemeral range (32768 and up) for engines and services started on one machine: a port
 * the OS hands out for outgoing connections ({@code new ServerSocket(0)} picks from that range) could be taken by one
 * of them before the engine or service that was given it binds.
 */
public final class FreePorts {

    private static final Set<Integer> TAKEN = new HashSet<>();
    private static final Random RANDOM = new Random();

    private FreePorts() {
    }

    public static synchronized int free() throws IOException {
        for (int attempt = 0; attempt < 1000; attempt++) {
            int candidate = 20_000 + RANDOM.nextInt(12_000);
            if (TAKEN.contains(candidate)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(candidate)) {
                TAKEN.add(candidate);
                return socket.getLocalPort();
            } catch (IOException inUse) {
                // try another
            }
        }
        throw new IOException("No free port between 20000 and 32000");
    }
}
