package nl.meldspoor.api.meldcase;

import java.time.Instant;
import java.time.Period;
import nl.meldspoor.api.common.Actor;
import org.axonframework.serialization.Revision;

/**
 * The free text of the case was erased after its retention period: every text recorded until now is
 * unreadable everywhere; the facts (steps, dates, decisions) stay.
 *
 * @param closedAt  when the case was closed, the start of its retention period
 * @param retention the retention period that passed
 */
@Revision("1")
public record CaseTextErased(
        String caseId,
        String schoolId,
        String pupilRef,
        Actor actor,
        Instant occurredAt,
        Instant closedAt,
        Period retention) implements MeldcodeCaseEvent {
}
