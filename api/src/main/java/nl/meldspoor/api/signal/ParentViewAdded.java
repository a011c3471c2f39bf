package nl.meldspoor.api.signal;

import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import org.axonframework.serialization.Revision;

/**
 * The parents' view was added to a signal.
 */
@Revision("1")
public record ParentViewAdded(
        String pupilRef,
        String schoolId,
        Actor actor,
        Instant occurredAt,
        String signalId,
        ParentView view) implements PupilFileEvent {
}
