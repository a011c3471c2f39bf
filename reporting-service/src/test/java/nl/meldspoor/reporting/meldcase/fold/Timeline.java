package nl.meldspoor.reporting.meldcase.fold;

import nl.meldspoor.api.meldcase.RecordedCaseEvent;
import java.time.Instant;
import java.util.List;

/**
 * THE OLD SHAPE, kept only as the tests' reference (the dossier serves {@code StoredTimeline}, the same JSON).
 * A case's full chronological history, and the case as it stood at the end of it.
 *
 * @param asOf the moment the history was cut off, or {@code null} for the whole history until now
 */
public record Timeline(String caseId, Instant asOf, long version, List<TimelineEntry> entries, CaseStateView state) {

    public static Timeline of(String caseId, Instant asOf, List<RecordedCaseEvent> events, CaseStateView state) {
        return new Timeline(caseId, asOf, events.get(events.size() - 1).sequence(),
                events.stream().map(TimelineEntry::of).toList(), state);
    }
}
