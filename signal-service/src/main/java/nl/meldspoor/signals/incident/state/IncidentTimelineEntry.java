package nl.meldspoor.signals.incident.state;

import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.incident.IncidentEvent;
import nl.meldspoor.signals.incident.state.IncidentEventSummaries;

/**
 * One line of an incident's timeline: what happened, who did it in which role, when it happened and
 * when it was recorded, a Dutch summary, and the recorded fact itself.
 */
public record IncidentTimelineEntry(
        long version,
        String eventId,
        String type,
        Instant occurredAt,
        Instant recordedAt,
        Actor actor,
        String summary,
        IncidentEvent details) {

    static IncidentTimelineEntry of(RecordedIncidentEvent recorded) {
        IncidentEvent event = recorded.event();
        return new IncidentTimelineEntry(recorded.sequence(), recorded.eventId(), event.getClass().getSimpleName(),
                event.occurredAt(), recorded.recordedAt(), event.actor(), IncidentEventSummaries.summarize(event), event);
    }
}
