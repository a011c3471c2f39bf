package nl.meldspoor.api.meldcase;

import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import org.axonframework.serialization.Revision;

/**
 * A teacher takes part in steps 1 to 3 of the case.
 */
@Revision("1")
public record TeacherInvolved(
        String caseId,
        String schoolId,
        String pupilRef,
        Actor actor,
        Instant occurredAt,
        String teacherId) implements MeldcodeCaseEvent {
}
