package nl.meldspoor.api.meldcase;

import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import org.axonframework.serialization.Revision;

/**
 * Step 5: a report to Veilig Thuis was made in the name of the directie.
 *
 * @param onBehalfOfPrincipalId the principal in whose name the report was made
 * @param meldnorm              the meldnorm that required the report, or {@code null} for a report made without one
 */
@Revision("1")
public record ReportRecorded(
        String caseId,
        String schoolId,
        String pupilRef,
        Actor actor,
        Instant occurredAt,
        VeiligThuisReport report,
        String onBehalfOfPrincipalId,
        Meldnorm meldnorm) implements MeldcodeCaseEvent {
}
