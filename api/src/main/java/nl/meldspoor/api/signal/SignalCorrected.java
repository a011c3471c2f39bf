package nl.meldspoor.api.signal;

import jakarta.validation.constraints.Size;
import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Limits;
import org.axonframework.serialization.Revision;

/**
 * A signal was corrected; the original stays in the history.
 *
 * @param requestId the parents' correction request this granted, or {@code null}
 */
@Revision("1")
public record SignalCorrected(
        String pupilRef,
        String schoolId,
        Actor actor,
        Instant occurredAt,
        String signalId,
        SignalContent correctedContent,
        @Size(max = Limits.LONG_TEXT) String reason,
        String requestId) implements PupilFileEvent {
}
