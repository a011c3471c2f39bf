package nl.meldspoor.api.signal;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Identifiers;
import nl.meldspoor.api.common.Limits;
import nl.meldspoor.api.common.PersonalData;
import org.axonframework.serialization.Revision;

/**
 * A signal was corrected; the original stays in the history.
 *
 * @param requestId the parents' correction request this granted, or {@code null}
 */
@Revision("2")
public record SignalCorrected(
        @Pattern(regexp = Identifiers.PUPIL_REF)
        String pupilRef,
        @Pattern(regexp = Identifiers.ORGANISATION_ID)
        String schoolId,
        Actor actor,
        Instant occurredAt,
        @Pattern(regexp = Identifiers.SIGNAL_ID)
        String signalId,
        SignalContent correctedContent,
        @PersonalData
        @Size(max = Limits.LONG_TEXT) String reason,
        @Pattern(regexp = Identifiers.RECORD_ID)
        String requestId) implements PupilFileEvent {
}
