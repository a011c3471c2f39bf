package nl.meldspoor.api.meldcase;

import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import org.axonframework.serialization.Revision;

/**
 * Step 4: a question of the afwegingskader was answered; the outcome is what the case derived from it.
 *
 * @param round the pass through the afwegingskader this answer belongs to: 1 for the first, higher when it was weighed again
 */
@Revision("1")
public record ConcernsWeighed(
        String caseId,
        String schoolId,
        String pupilRef,
        Actor actor,
        Instant occurredAt,
        Weighing weighing,
        int round,
        WeighingOutcome outcome) implements MeldcodeCaseEvent {
}
