package nl.meldspoor.signals.incident.state;

import java.time.Instant;
import java.util.List;

/**
 * An incident's state and its full chronological history from the event store.
 *
 * @param asOf the moment the history was cut off, or {@code null} for the whole history until now
 */
public record IncidentView(String incidentId, Instant asOf, long version, IncidentStateView state, List<IncidentTimelineEntry> timeline) {

    /** @param events the incident's history in order; at least its recording */
    public static IncidentView of(List<RecordedIncidentEvent> events, Instant asOf) {
        IncidentStateView state = IncidentStates.view(events);
        return new IncidentView(state.incidentId(), asOf, state.version(), state,
                events.stream().map(IncidentTimelineEntry::of).toList());
    }
}
