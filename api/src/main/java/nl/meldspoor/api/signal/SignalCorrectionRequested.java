package nl.meldspoor.api.signal;

import java.time.Instant;
import java.time.LocalDate;
import nl.meldspoor.api.common.Actor;
import org.axonframework.serialization.Revision;

/**
 * The parents asked in writing to correct a signal.
 *
 * @param answerDueOn four weeks after the request was received
 */
@Revision("1")
public record SignalCorrectionRequested(
        String pupilRef,
        String schoolId,
        Actor actor,
        Instant occurredAt,
        String signalId,
        String requestId,
        CorrectionRequest request,
        LocalDate answerDueOn) implements PupilFileEvent {
}
