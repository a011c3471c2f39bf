package nl.meldspoor.api.meldcase;

import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Identifiers;
import org.axonframework.serialization.Revision;

/**
 * The principal sent the report decision back without approving it: the decision no longer stands, and the two
 * decisions of step 5 are taken again.
 *
 * @param sendBack why, in the principal's words
 * @param decision the decision that was sent back
 */
@Revision("1")
public record ReportDecisionSentBack(
        @Pattern(regexp = Identifiers.CASE_ID)
        String caseId,
        @Pattern(regexp = Identifiers.ORGANISATION_ID)
        String schoolId,
        @Pattern(regexp = Identifiers.PUPIL_REF)
        String pupilRef,
        Actor actor,
        Instant occurredAt,
        ReportDecisionSendBack sendBack,
        ReportDecision decision) implements MeldcodeCaseEvent {
}
