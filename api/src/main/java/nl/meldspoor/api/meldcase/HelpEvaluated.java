package nl.meldspoor.api.meldcase;

import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Identifiers;
import org.axonframework.serialization.Revision;

/**
 * The help was evaluated (afweging 5).
 *
 * @param outcome what the case derived from the result: a report is required when it was not achieved
 */
@Revision("1")
public record HelpEvaluated(
        @Pattern(regexp = Identifiers.CASE_ID)
        String caseId,
        @Pattern(regexp = Identifiers.ORGANISATION_ID)
        String schoolId,
        @Pattern(regexp = Identifiers.PUPIL_REF)
        String pupilRef,
        Actor actor,
        Instant occurredAt,
        HelpEvaluation evaluation,
        WeighingOutcome outcome) implements MeldcodeCaseEvent {
}
