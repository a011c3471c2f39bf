package nl.meldspoor.api.meldcase;

import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import org.axonframework.serialization.Revision;

/**
 * Veilig Thuis's decision after the report was received.
 */
@Revision("1")
public record VeiligThuisFeedbackRecorded(
        String caseId,
        String schoolId,
        String pupilRef,
        Actor actor,
        Instant occurredAt,
        VeiligThuisFeedback feedback) implements MeldcodeCaseEvent {
}
