package nl.meldspoor.engines;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A port handed out to one JVM is not handed to another while the first lives, even though nothing listens on it yet
 * (the engine or service it is for binds it later); once that JVM is gone, the port can be handed out again.
 */
class FreePortsTest {

    @TempDir
    Path reservations;
    private Process other;

    @AfterEach
    void stopTheOtherJvm() {
        if (other != null) {
            other.destroyForcibly();
        }
        System.clearProperty(FreePorts.DIRECTORY_PROPERTY);
    }

    @Test
    void aPortAnotherJvmWasGivenIsNotGivenHereUntilThatJvmIsGone() throws Exception {
        System.setProperty(FreePorts.DIRECTORY_PROPERTY, reservations.toString());
        List<Integer> theirs = portsGivenToAnotherJvm(5);
        for (int port : theirs) {
            try (ServerSocket nothingListens = new ServerSocket(port)) {
                assertThat(nothingListens.getLocalPort()).as("the other JVM only reserved %d", port).isEqualTo(port);
            }
        }

        int ours = FreePorts.free(offering(theirs, 31_000));

        assertThat(ours).as("offered the other JVM's ports first").isNotIn(theirs).isBetween(31_000, 31_999);

        other.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        int afterwards = FreePorts.free(offering(theirs, 31_500));
        assertThat(afterwards).as("its reservations end with it").isEqualTo(theirs.get(0));
    }

    @Test
    void aPortThisJvmWasGivenIsNotGivenAgain() throws Exception {
        System.setProperty(FreePorts.DIRECTORY_PROPERTY, reservations.toString());
        int first = FreePorts.free(offering(List.of(), 30_000));

        int second = FreePorts.free(offering(List.of(first), 30_500));

        assertThat(second).isNotEqualTo(first);
    }

    /** The given ports first, then ports from {@code from} on. */
    private static IntSupplier offering(List<Integer> first, int from) {
        Iterator<Integer> candidates = IntStream.concat(first.stream().mapToInt(Integer::intValue), IntStream.range(from, from + 1_000))
                .iterator();
        return candidates::next;
    }

    /** Starts a JVM that takes {@code count} free ports in the same reservations directory and then waits. */
    private List<Integer> portsGivenToAnotherJvm(int count) throws IOException {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        other = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-D" + FreePorts.DIRECTORY_PROPERTY + "=" + reservations, FreePortsHolder.class.getName(), Integer.toString(count))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
        List<Integer> ports = new ArrayList<>();
        while (ports.size() < count) {
            String line = lines.readLine();
            assertThat(line).as("the other JVM's ports so far %s", ports).isNotNull();
            ports.add(Integer.parseInt(line.trim()));
        }
        return ports;
    }
}
