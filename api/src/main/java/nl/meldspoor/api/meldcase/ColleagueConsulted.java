package nl.meldspoor.api.meldcase;

import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import org.axonframework.serialization.Revision;

/**
 * Step 2: a colleague was consulted.
 */
@Revision("1")
public record ColleagueConsulted(
        String caseId,
        String schoolId,
        String pupilRef,
        Actor actor,
        Instant occurredAt,
        ColleagueConsultation consultation) implements MeldcodeCaseEvent {
}
