package nl.meldspoor.api.meldcase;

import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import org.axonframework.serialization.Revision;

/**
 * The principal approved the report decision.
 *
 * @param decision the decision that was approved
 */
@Revision("1")
public record ReportDecisionApproved(
        String caseId,
        String schoolId,
        String pupilRef,
        Actor actor,
        Instant occurredAt,
        ReportDecisionApproval approval,
        ReportDecision decision) implements MeldcodeCaseEvent {
}
