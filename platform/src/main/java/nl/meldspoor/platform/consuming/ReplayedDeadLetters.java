package nl.meldspoor.platform.consuming;

import java.time.Instant;
import java.util.Optional;

/**
 * Which dead letters have been replayed, in the service's own store, so that a replay asked for twice
 * applies the record once. A dead letter is named by its place in the dead-letter topic.
 */
public interface ReplayedDeadLetters {

    record Replay(String consumer, String replayedBy, Instant replayedAt) {
    }

    /** @return false if the dead letter was replayed (or is being replayed) already */
    boolean claim(String deadLetterTopic, int partition, long offset, Replay replay);

    /** A replay that failed may be tried again. */
    void release(String deadLetterTopic, int partition, long offset);

    Optional<Replay> of(String deadLetterTopic, int partition, long offset);
}
