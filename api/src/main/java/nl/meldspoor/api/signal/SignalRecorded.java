package nl.meldspoor.api.signal;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Identifiers;
import nl.meldspoor.api.common.Limits;
import org.axonframework.serialization.Revision;

/**
 * A signal was recorded.
 *
 * @param urgentPath a disclosure or honour-related violence: alert the IB'er/AF and principal at once, contact Veilig
 *                   Thuis, and do not talk with the parents first
 * @param bodyMap    the marks seen on the child's body, as structured data (never a photo); empty when none were seen.
 *                   Revision 3 added it; revisions 1 and 2 are read with an empty body map ({@code SignalRecordedUpcaster})
 */
@Revision("3")
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
        boolean urgentPath,
        @Size(max = Limits.BODY_MARKS) List<BodyMark> bodyMap) implements PupilFileEvent {

    public SignalRecorded {
        bodyMap = bodyMap == null ? List.of() : List.copyOf(bodyMap);
    }

    /** A signal without marks on the body map. */
    public SignalRecorded(String pupilRef, String schoolId, Actor actor, Instant occurredAt, String signalId, String familyRef,
                          SignalContent content, boolean urgentPath) {
        this(pupilRef, schoolId, actor, occurredAt, signalId, familyRef, content, urgentPath, List.of());
    }
}
