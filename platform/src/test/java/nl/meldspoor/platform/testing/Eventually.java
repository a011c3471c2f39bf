package nl.meldspoor.platform.testing;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/** Eventual consistency is awaited by polling with a deadline, never by sleeping. */
public final class Eventually {

    private Eventually() {
    }

    public static ConditionFactory within(Duration deadline) {
        return Awaitility.await().atMost(deadline).pollInterval(Duration.ofMillis(100)).ignoreExceptions();
    }
}
