package nl.meldspoor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The bench's clients' CPU is counted apart from the engines' JVM they run in. */
class ClientThreadsTest {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Duration WORK = Duration.ofMillis(30);

    @Test
    void aClientsWorkIsCountedWhenItEnds() {
        Duration before = ClientThreads.cpu();

        ClientThreads.counted(() -> {
            long start = THREADS.getCurrentThreadCpuTime();
            double sink = 0;
            while (THREADS.getCurrentThreadCpuTime() - start < WORK.toNanos()) {
                sink += Math.sqrt(sink + 1);
            }
            assertThat(sink).isPositive();
        });

        assertThat(ClientThreads.cpu().minus(before)).isGreaterThanOrEqualTo(WORK);
    }

    @Test
    void theHttpClientsThreadsAreClientsAndTheEnginesAreNot() {
        assertThat(ClientThreads.carriesRequests("bench-http-3")).isTrue();
        assertThat(ClientThreads.carriesRequests("HttpClient-7-SelectorManager")).isTrue();
        assertThat(ClientThreads.carriesRequests("data-plane-kafka-request-handler-1")).isFalse();
        assertThat(ClientThreads.carriesRequests("HttpClient-7-Worker-0")).as("the default executor's, not ours").isFalse();
    }
}
