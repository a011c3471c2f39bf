package nl.meldspoor.engines;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeapWatchTest {

    /** Held across a collection, so that it is live after it. */
    private static byte[] held;

    @Test
    void whatIsLiveAfterACollectionIsCountedAndNothingExceedsTheMaximumHeap() throws InterruptedException {
        long maxMegabytes = Runtime.getRuntime().maxMemory() >> 20;
        try (HeapWatch watch = new HeapWatch(10)) {
            held = new byte[64 << 20];
            System.gc();
            long waited = 0;
            while (watch.peakAfterCollectionMegabytes() < 64 && waited < 5_000) {
                Thread.sleep(20); // the collection's notification comes on a thread of its own
                waited += 20;
            }
            assertThat(watch.peakAfterCollectionMegabytes()).as("the 64 MB array, live after the collection").isGreaterThanOrEqualTo(64);
            assertThat(watch.peakUsedMegabytes()).isGreaterThanOrEqualTo(64).isLessThanOrEqualTo(maxMegabytes);
        } finally {
            held = null;
        }
    }
}
