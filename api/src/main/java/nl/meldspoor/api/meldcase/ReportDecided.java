package nl.meldspoor.api.meldcase;

import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import org.axonframework.serialization.Revision;

/**
 * Step 5: the two decisions were taken. They take effect once the principal approves them.
 *
 * @param applicableMeldnorm the meldnorm that applied when deciding, or {@code null}
 */
@Revision("1")
public record ReportDecided(
        String caseId,
        String schoolId,
        String pupilRef,
        Actor actor,
        Instant occurredAt,
        ReportDecision decision,
        Meldnorm applicableMeldnorm) implements MeldcodeCaseEvent {
}
