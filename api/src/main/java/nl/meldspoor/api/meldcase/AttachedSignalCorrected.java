package nl.meldspoor.api.meldcase;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Identifiers;
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
@Revision("2")
public record AttachedSignalCorrected(
        @Pattern(regexp = Identifiers.CASE_ID)
        String caseId,
        @Pattern(regexp = Identifiers.ORGANISATION_ID)
        String schoolId,
        @Pattern(regexp = Identifiers.PUPIL_REF)
        String pupilRef,
        Actor actor,
        Instant occurredAt,
        @Pattern(regexp = Identifiers.RECORD_ID)
        String correctionId,
        @Pattern(regexp = Identifiers.SIGNAL_ID)
        String signalId,
        SignalContent correctedContent,
        @PersonalData @Size(max = Limits.LONG_TEXT) String reason) implements MeldcodeCaseEvent {
}
