package nl.meldspoor.api.signal;

import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Identifiers;
import org.axonframework.serialization.Revision;

/**
 * The parents' view was added to a signal.
 */
@Revision("2")
public record ParentViewAdded(
        @Pattern(regexp = Identifiers.PUPIL_REF)
        String pupilRef,
        @Pattern(regexp = Identifiers.ORGANISATION_ID)
        String schoolId,
        Actor actor,
        Instant occurredAt,
        @Pattern(regexp = Identifiers.SIGNAL_ID)
        String signalId,
        ParentView view) implements PupilFileEvent {
}
