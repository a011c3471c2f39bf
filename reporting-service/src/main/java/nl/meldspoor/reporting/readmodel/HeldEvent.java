package nl.meldspoor.reporting.readmodel;

import java.time.Instant;
import nl.meldspoor.platform.consuming.StoredEvent;
import org.springframework.data.annotation.Id;

/**
 * An event that arrived before an earlier event of its aggregate (which went to the dead-letter topic, say):
 * kept aside, not applied, until the missing one arrives, so that no document is derived from a history
 * with a hole in it.
 *
 * @param id aggregate id and sequence, so that a redelivered held event is held once
 */
public record HeldEvent(@Id String id, String aggregateId, long sequence, StoredEvent event, Instant heldSince) {

    static String idOf(String aggregateId, long sequence) {
        return aggregateId + "|" + sequence;
    }
}
