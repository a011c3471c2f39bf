package nl.meldspoor.api.meldcase;

import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import org.axonframework.serialization.Revision;

/**
 * The help was evaluated (afweging 5).
 *
 * @param outcome what the case derived from the result: a report is required when it was not achieved
 */
@Revision("1")
public record HelpEvaluated(
        String caseId,
        String schoolId,
        String pupilRef,
        Actor actor,
        Instant occurredAt,
        HelpEvaluation evaluation,
        WeighingOutcome outcome) implements MeldcodeCaseEvent {
}
