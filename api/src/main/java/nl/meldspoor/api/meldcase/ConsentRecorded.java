package nl.meldspoor.api.meldcase;

import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import org.axonframework.serialization.Revision;

/**
 * The parents' consent or refusal was recorded. A refusal is itself a worrying signal.
 */
@Revision("1")
public record ConsentRecorded(
        String caseId,
        String schoolId,
        String pupilRef,
        Actor actor,
        Instant occurredAt,
        Consent consent) implements MeldcodeCaseEvent {
}
