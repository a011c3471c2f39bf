package nl.meldspoor.casework.meldcase;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.messaging.MetaData;

/**
 * The moment the service recorded a request, carried with its command as metadata. A command's business time
 * ({@code occurredAt}: when a conversation was held, a report made) may lie in the past but not after this
 * moment — beyond a small tolerance for the clock of the device that sent it. The aggregate has no clock of its
 * own; the endpoints give every command this moment ({@code CaseCommands}). A command the service sends itself
 * from published events (an escalation, a forwarded signal) carries none: its time was checked where it was
 * recorded.
 */
public final class RecordingMoment {

    public static final String KEY = "meldspoor.recordedAt";

    /** How far a business time may lie after the recording moment: clocks of phones and laptops drift. */
    public static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    private RecordingMoment() {
    }

    public static MetaData of(Instant recordedAt) {
        return MetaData.with(KEY, recordedAt.toString());
    }

    static Optional<Instant> in(MetaData metaData) {
        Object value = metaData == null ? null : metaData.get(KEY);
        return value == null ? Optional.empty() : Optional.of(value instanceof Instant instant ? instant : Instant.parse(value.toString()));
    }
}
