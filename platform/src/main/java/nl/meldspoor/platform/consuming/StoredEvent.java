package nl.meldspoor.platform.consuming;

import java.time.Instant;

/** One event of an aggregate kept by a consumer exactly as published: the JSON and where it stands. */
public record StoredEvent(String eventId, long sequence, String type, String revision, Instant recordedAt, String json) {

    public static StoredEvent of(PublishedEvent event) {
        return new StoredEvent(event.eventId(), event.sequence(), event.type(), event.revision(), event.recordedAt(), event.json());
    }
}
