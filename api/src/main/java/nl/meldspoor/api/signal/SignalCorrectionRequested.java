package nl.meldspoor.api.signal;

import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.time.LocalDate;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Identifiers;
import org.axonframework.serialization.Revision;

/**
 * The parents asked in writing to correct a signal.
 *
 * @param answerDueOn four weeks after the request was received
 */
@Revision("2")
public record SignalCorrectionRequested(
        @Pattern(regexp = Identifiers.PUPIL_REF)
        String pupilRef,
        @Pattern(regexp = Identifiers.ORGANISATION_ID)
        String schoolId,
        Actor actor,
        Instant occurredAt,
        @Pattern(regexp = Identifiers.SIGNAL_ID)
        String signalId,
        @Pattern(regexp = Identifiers.RECORD_ID)
        String requestId,
        CorrectionRequest request,
        LocalDate answerDueOn) implements PupilFileEvent {
}
