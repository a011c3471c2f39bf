package nl.meldspoor.api.signal;

import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Identifiers;
import org.axonframework.serialization.Revision;

/**
 * A signal was recorded.
 *
 * @param urgentPath a disclosure or honour-related violence: alert the IB'er/AF and principal at once, contact Veilig
 *                   Thuis, and do not talk with the parents first
 */
@Revision("2")
public record SignalRecorded(
        @Pattern(regexp = Identifiers.PUPIL_REF)
        String pupilRef,
        @Pattern(regexp = Identifiers.ORGANISATION_ID)
        String schoolId,
        Actor actor,
        Instant occurredAt,
        @Pattern(regexp = Identifiers.SIGNAL_ID)
        String signalId,
        @Pattern(regexp = Identifiers.FAMILY_REF)
        String familyRef,
        SignalContent content,
        boolean urgentPath) implements PupilFileEvent {
}
