package nl.meldspoor.reporting.readmodel;

import java.time.Instant;
import nl.meldspoor.platform.consuming.PublishedEvent;

/** One event in a case's read-side history, as published: the JSON and where it stands. */
public record StoredEvent(String eventId, long sequence, String type, String revision, Instant recordedAt, String json) {

    public static StoredEvent of(PublishedEvent event) {
        return new StoredEvent(event.eventId(), event.sequence(), event.type(), event.revision(), event.recordedAt(), event.json());
    }
}
