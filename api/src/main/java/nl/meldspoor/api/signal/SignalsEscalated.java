package nl.meldspoor.api.signal;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Identifiers;
import nl.meldspoor.api.common.Limits;
import nl.meldspoor.api.common.PersonalData;
import nl.meldspoor.api.meldcase.AttachedSignal;
import nl.meldspoor.api.meldcase.CaseTeam;
import org.axonframework.serialization.Revision;

/**
 * Signals were escalated into a new meldcode case; the case-service opens the case with them.
 */
@Revision("2")
public record SignalsEscalated(
        @Pattern(regexp = Identifiers.PUPIL_REF)
        String pupilRef,
        @Pattern(regexp = Identifiers.ORGANISATION_ID)
        String schoolId,
        Actor actor,
        Instant occurredAt,
        @Pattern(regexp = Identifiers.CASE_ID)
        String caseId,
        @Pattern(regexp = Identifiers.FAMILY_REF)
        String familyRef,
        CaseTeam team,
        @PersonalData
        @Size(max = Limits.LONG_TEXT) String concern,
        @Size(max = Limits.SIGNALS) List<AttachedSignal> signals) implements PupilFileEvent {
}
