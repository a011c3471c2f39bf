package nl.meldspoor.platform.testing;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/** Eventual consistency is awaited by polling with a deadline, never by sleeping. */
public final class Eventually {

    private Eventually() {
    }

    /**
     * Checks at once, then every 100 ms. Awaitility's default first poll comes only after one poll interval, so an await
     * whose condition already holds (most of them, in loops over many cases) cost 100 ms for nothing.
     */
    public static ConditionFactory within(Duration deadline) {
        return Awaitility.await().atMost(deadline).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100)).ignoreExceptions();
    }
}
