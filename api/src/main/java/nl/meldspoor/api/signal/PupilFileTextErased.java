package nl.meldspoor.api.signal;

import java.time.Instant;
import java.time.Period;
import nl.meldspoor.api.common.Actor;
import org.axonframework.serialization.Revision;

/**
 * The free text the school recorded in the pupil's file was erased after its retention period; the
 * signals stay as facts (when, category, flags) with their text unreadable.
 *
 * @param lastEntryAt the school's last entry in the file, the start of the retention period
 */
@Revision("1")
public record PupilFileTextErased(
        String pupilRef,
        String schoolId,
        Actor actor,
        Instant occurredAt,
        Instant lastEntryAt,
        Period retention) implements PupilFileEvent {
}
