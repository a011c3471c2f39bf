package nl.meldspoor.platform.consuming;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * For a service with neither PostgreSQL nor MongoDB (none consumes today): replays are remembered until
 * a restart; after that, only the consumers' own idempotency keeps a second replay from counting twice.
 */
class InMemoryReplayedDeadLetters implements ReplayedDeadLetters {

    private final Map<String, Replay> replays = new ConcurrentHashMap<>();

    @Override
    public boolean claim(String deadLetterTopic, int partition, long offset, Replay replay) {
        return replays.putIfAbsent(deadLetterTopic + "|" + partition + "|" + offset, replay) == null;
    }

    @Override
    public void release(String deadLetterTopic, int partition, long offset) {
        replays.remove(deadLetterTopic + "|" + partition + "|" + offset);
    }

    @Override
    public Optional<Replay> of(String deadLetterTopic, int partition, long offset) {
        return Optional.ofNullable(replays.get(deadLetterTopic + "|" + partition + "|" + offset));
    }
}
