package nl.meldspoor.api.meldcase;

import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import org.axonframework.serialization.Revision;

/**
 * Step 2: Veilig Thuis was consulted for advice.
 */
@Revision("1")
public record VeiligThuisConsulted(
        String caseId,
        String schoolId,
        String pupilRef,
        Actor actor,
        Instant occurredAt,
        VeiligThuisConsultation consultation) implements MeldcodeCaseEvent {
}
