package nl.meldspoor.api.signal;

import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import org.axonframework.serialization.Revision;

/**
 * The school answered a correction request.
 *
 * @param answeredLate the answer came after the four weeks
 */
@Revision("1")
public record CorrectionRequestAnswered(
        String pupilRef,
        String schoolId,
        Actor actor,
        Instant occurredAt,
        String signalId,
        String requestId,
        CorrectionAnswer answer,
        boolean answeredLate) implements PupilFileEvent {
}
