package nl.meldspoor.api.signal;

import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Limits;
import nl.meldspoor.api.meldcase.AttachedSignal;
import nl.meldspoor.api.meldcase.CaseTeam;
import org.axonframework.serialization.Revision;

/**
 * Signals were escalated into a new meldcode case; the case-service opens the case with them.
 */
@Revision("1")
public record SignalsEscalated(
        String pupilRef,
        String schoolId,
        Actor actor,
        Instant occurredAt,
        String caseId,
        String familyRef,
        CaseTeam team,
        @Size(max = Limits.LONG_TEXT) String concern,
        @Size(max = Limits.SIGNALS) List<AttachedSignal> signals) implements PupilFileEvent {
}
