package nl.meldspoor.api.meldcase;

import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Identifiers;
import org.axonframework.serialization.Revision;

/**
 * Step 2: Veilig Thuis was consulted for advice.
 */
@Revision("1")
public record VeiligThuisConsulted(
        @Pattern(regexp = Identifiers.CASE_ID)
        String caseId,
        @Pattern(regexp = Identifiers.ORGANISATION_ID)
        String schoolId,
        @Pattern(regexp = Identifiers.PUPIL_REF)
        String pupilRef,
        Actor actor,
        Instant occurredAt,
        VeiligThuisConsultation consultation) implements MeldcodeCaseEvent {
}
