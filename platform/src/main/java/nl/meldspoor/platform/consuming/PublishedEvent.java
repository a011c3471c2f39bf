package nl.meldspoor.platform.consuming;

import java.time.Instant;
import nl.meldspoor.api.common.SchoolFact;

/**
 * An event as it arrived from Kafka: the fact itself and where it stands in its aggregate's history.
 *
 * @param json the event exactly as published, kept so read models can be rebuilt from their own copy
 */
public record PublishedEvent(
        String eventId,
        String type,
        String revision,
        String aggregateId,
        long sequence,
        Instant recordedAt,
        SchoolFact payload,
        String json) {
}
