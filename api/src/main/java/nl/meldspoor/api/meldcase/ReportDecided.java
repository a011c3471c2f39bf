package nl.meldspoor.api.meldcase;

import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Identifiers;
import org.axonframework.serialization.Revision;

/**
 * Step 5: the two decisions were taken. They take effect once the principal approves them.
 *
 * @param applicableMeldnorm the meldnorm that applied when deciding, or {@code null}
 */
@Revision("1")
public record ReportDecided(
        @Pattern(regexp = Identifiers.CASE_ID)
        String caseId,
        @Pattern(regexp = Identifiers.ORGANISATION_ID)
        String schoolId,
        @Pattern(regexp = Identifiers.PUPIL_REF)
        String pupilRef,
        Actor actor,
        Instant occurredAt,
        ReportDecision decision,
        Meldnorm applicableMeldnorm) implements MeldcodeCaseEvent {
}
