package nl.meldspoor.reporting.readmodel;

import nl.meldspoor.platform.consuming.StoredEvent;
import org.springframework.data.annotation.Id;

/**
 * One applied event of an aggregate, one document each (indexed by aggregate and sequence): the dossier's
 * timeline and the pupil's file are read from these, so no document grows with the history.
 *
 * @param id aggregate id and sequence, so that a redelivered event is stored once
 */
public record HistoryEntry(@Id String id, String aggregateId, long sequence, StoredEvent event) {

    static String idOf(String aggregateId, long sequence) {
        return aggregateId + "|" + sequence;
    }
}
