package nl.meldspoor.api.meldcase;

import jakarta.validation.constraints.Size;
import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Limits;
import nl.meldspoor.api.common.PersonalData;
import nl.meldspoor.api.signal.SignalContent;
import org.axonframework.serialization.Revision;

/**
 * A signal the case holds was corrected in the pupil's file; the case now reads it as corrected, and
 * its history keeps both versions.
 *
 * @param correctionId the correction's id in the signal-service
 */
@Revision("1")
public record AttachedSignalCorrected(
        String caseId,
        String schoolId,
        String pupilRef,
        Actor actor,
        Instant occurredAt,
        String correctionId,
        String signalId,
        SignalContent correctedContent,
        @PersonalData @Size(max = Limits.LONG_TEXT) String reason) implements MeldcodeCaseEvent {
}
