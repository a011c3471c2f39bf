package nl.meldspoor.reporting.dossier;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.List;
import nl.meldspoor.reporting.meldcase.fold.CaseStateView;

/**
 * A case's chronological history and the case as it stood at the end of it, as {@code Timeline} shows it, with each
 * entry as the read model wrote it when the event was applied: the request copies the stored JSON and maps no event.
 */
public record StoredTimeline(String caseId, Instant asOf, long version, List<Entry> entries, CaseStateView state) {

    /** One timeline entry, JSON as stored. */
    public record Entry(@JsonValue @JsonRawValue String json) {
    }
}
