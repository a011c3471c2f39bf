package nl.meldspoor.api.meldcase;

import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Identifiers;
import org.axonframework.serialization.Revision;

/**
 * Step 5: a report to Veilig Thuis was made in the name of the directie.
 *
 * @param onBehalfOfPrincipalId the principal in whose name the report was made
 * @param meldnorm              the meldnorm that required the report, or {@code null} for a report made without one
 */
@Revision("1")
public record ReportRecorded(
        @Pattern(regexp = Identifiers.CASE_ID)
        String caseId,
        @Pattern(regexp = Identifiers.ORGANISATION_ID)
        String schoolId,
        @Pattern(regexp = Identifiers.PUPIL_REF)
        String pupilRef,
        Actor actor,
        Instant occurredAt,
        VeiligThuisReport report,
        @Pattern(regexp = Identifiers.PERSON_ID)
        String onBehalfOfPrincipalId,
        Meldnorm meldnorm) implements MeldcodeCaseEvent {
}
