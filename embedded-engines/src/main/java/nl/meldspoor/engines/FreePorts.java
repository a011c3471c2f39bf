package nl.meldspoor.engines;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.IntSupplier;

/**
 * Free ports below Linux's ephemeral range (32768 and up) for engines and services started on one machine: a port
 * the OS hands out for outgoing connections ({@code new ServerSocket(0)} picks from that range) could be taken by one
 * of them before the engine or service that was given it binds.
 *
 * <p>A port is free when nothing listens on it now, but the engine or service it is for binds it seconds later: another
 * JVM on the machine (the build runs modules side by side, the end-to-end tests beside the bench) must not be given it
 * meanwhile. So each port handed out is also reserved for this JVM's lifetime with an exclusive lock on a file named
 * after it in a directory every JVM of this user shares; the operating system releases the lock when the JVM exits,
 * however it ends. Where that directory cannot be used, ports are checked only as before.
 */
public final class FreePorts {

    static final String DIRECTORY_PROPERTY = "meldspoor.free-ports.dir";
    private static final int FIRST = 20_000;
    private static final int RANGE = 12_000;
    private static final Map<Integer, FileChannel> RESERVED = new HashMap<>();
    private static final Random RANDOM = new Random();

    private FreePorts() {
    }

    public static synchronized int free() throws IOException {
        return free(() -> FIRST + RANDOM.nextInt(RANGE));
    }

    /** The first candidate that no JVM of this user reserved and nothing listens on, reserved for this JVM. */
    static synchronized int free(IntSupplier candidates) throws IOException {
        Path directory = reservations();
        for (int attempt = 0; attempt < 1000; attempt++) {
            int candidate = candidates.getAsInt();
            if (RESERVED.containsKey(candidate)) {
                continue;
            }
            FileChannel reservation = reserve(directory, candidate);
            if (directory != null && reservation == null) {
                continue; // another JVM holds it
            }
            try (ServerSocket socket = new ServerSocket(candidate)) {
                RESERVED.put(candidate, reservation);
                return socket.getLocalPort();
            } catch (IOException inUse) {
                if (reservation != null) {
                    reservation.close();
                }
            }
        }
        throw new IOException("No free port between " + FIRST + " and " + (FIRST + RANGE));
    }

    /** The lock on the port's file, held open until this JVM exits; null when another JVM holds it. */
    private static FileChannel reserve(Path directory, int port) {
        if (directory == null) {
            return null;
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(directory.resolve(Integer.toString(port)), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return channel;
            }
        } catch (IOException | OverlappingFileLockException notOurs) {
            // another user's file, or held: not this JVM's to hand out
        }
        closeQuietly(channel);
        return null;
    }

    /** The shared directory of reservations, or null when it cannot be created or written. */
    private static Path reservations() {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        Path directory = configured != null ? Path.of(configured) : defaultDirectory();
        try {
            Files.createDirectories(directory);
            return Files.isWritable(directory) ? directory : null;
        } catch (IOException | SecurityException unusable) {
            return null;
        }
    }

    private static Path defaultDirectory() {
        // the build's test JVMs each get a java.io.tmpdir of their module: /tmp is the directory they all share
        Path shared = Files.isDirectory(Path.of("/tmp")) ? Path.of("/tmp") : Path.of(System.getProperty("java.io.tmpdir"));
        return shared.resolve("meldspoor-free-ports-" + System.getProperty("user.name"));
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing held
            }
        }
    }
}
