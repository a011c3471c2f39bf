package nl.meldspoor.casework.meldcase.state;

import nl.meldspoor.api.meldcase.RecordedCaseEvent;
import nl.meldspoor.api.meldcase.MeldcodeStep;
import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.meldcase.MeldcodeCaseEvent;

/**
 * One line of a case's timeline: what happened, in which step, who did it in which role, when it
 * happened and when it was recorded, a Dutch summary, and the recorded fact itself.
 *
 * @param step 1 to 5 for the steps of the meldcode, 0 for opening, closing and reopening
 */
public record TimelineEntry(
        long version,
        String eventId,
        String type,
        int step,
        Instant occurredAt,
        Instant recordedAt,
        Actor actor,
        String summary,
        MeldcodeCaseEvent details) {

    public static TimelineEntry of(RecordedCaseEvent recorded) {
        MeldcodeCaseEvent event = recorded.event();
        return new TimelineEntry(recorded.sequence(), recorded.eventId(), event.getClass().getSimpleName(), MeldcodeStep.of(event),
                event.occurredAt(), recorded.recordedAt(), event.actor(), CaseEventSummaries.summarize(event), event);
    }
}
