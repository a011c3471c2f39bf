package nl.meldspoor.api.meldcase;

import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Identifiers;
import org.axonframework.serialization.Revision;

/**
 * A teacher takes part in steps 1 to 3 of the case.
 */
@Revision("1")
public record TeacherInvolved(
        @Pattern(regexp = Identifiers.CASE_ID)
        String caseId,
        @Pattern(regexp = Identifiers.ORGANISATION_ID)
        String schoolId,
        @Pattern(regexp = Identifiers.PUPIL_REF)
        String pupilRef,
        Actor actor,
        Instant occurredAt,
        @Pattern(regexp = Identifiers.PERSON_ID)
        String teacherId) implements MeldcodeCaseEvent {
}
