package nl.meldspoor.reporting.dossier;

import java.time.Instant;
import java.util.List;
import nl.meldspoor.reporting.meldcase.fold.CaseStateView;
import nl.meldspoor.reporting.meldcase.fold.TimelineEntry;

/**
 * A case's chronological history and the case as it stood at the end of it, the state from the stored dossier. The
 * entries are mapped objects, not stored JSON copied raw: the sealed texts in them are opened for the reader when the
 * answer is written, which a raw copy would bypass.
 */
public record StoredTimeline(String caseId, Instant asOf, long version, List<TimelineEntry> entries, CaseStateView state) {
}
