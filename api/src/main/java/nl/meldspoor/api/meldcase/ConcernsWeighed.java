package nl.meldspoor.api.meldcase;

import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Identifiers;
import org.axonframework.serialization.Revision;

/**
 * Step 4: a question of the afwegingskader was answered; the outcome is what the case derived from it.
 *
 * @param round the pass through the afwegingskader this answer belongs to: 1 for the first, higher when it was weighed again
 */
@Revision("1")
public record ConcernsWeighed(
        @Pattern(regexp = Identifiers.CASE_ID)
        String caseId,
        @Pattern(regexp = Identifiers.ORGANISATION_ID)
        String schoolId,
        @Pattern(regexp = Identifiers.PUPIL_REF)
        String pupilRef,
        Actor actor,
        Instant occurredAt,
        Weighing weighing,
        int round,
        WeighingOutcome outcome) implements MeldcodeCaseEvent {
}
