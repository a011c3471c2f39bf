package nl.meldspoor.api.signal;

import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Identifiers;
import org.axonframework.serialization.Revision;

/**
 * The school answered a correction request.
 *
 * @param answeredLate the answer came after the four weeks
 */
@Revision("2")
public record CorrectionRequestAnswered(
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
        CorrectionAnswer answer,
        boolean answeredLate) implements PupilFileEvent {
}
