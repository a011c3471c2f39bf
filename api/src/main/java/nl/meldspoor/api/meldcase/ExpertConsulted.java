package nl.meldspoor.api.meldcase;

import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import org.axonframework.serialization.Revision;

/**
 * Step 2: an external expert was consulted.
 */
@Revision("1")
public record ExpertConsulted(
        String caseId,
        String schoolId,
        String pupilRef,
        Actor actor,
        Instant occurredAt,
        ExpertConsultation consultation) implements MeldcodeCaseEvent {
}
