package nl.meldspoor.api.signal;

import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import org.axonframework.serialization.Revision;

/**
 * A signal was recorded.
 *
 * @param urgentPath a disclosure or honour-related violence: alert the IB'er/AF and principal at once, contact Veilig
 *                   Thuis, and do not talk with the parents first
 */
@Revision("1")
public record SignalRecorded(
        String pupilRef,
        String schoolId,
        Actor actor,
        Instant occurredAt,
        String signalId,
        String familyRef,
        SignalContent content,
        boolean urgentPath) implements PupilFileEvent {
}
