package nl.meldspoor.api.signal;

import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.time.Period;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Identifiers;
import org.axonframework.serialization.Revision;

/**
 * The free text the school recorded in the pupil's file was erased after its retention period; the
 * signals stay as facts (when, category, flags) with their text unreadable.
 *
 * @param lastEntryAt the school's last entry in the file, the start of the retention period
 */
@Revision("1")
public record PupilFileTextErased(
        @Pattern(regexp = Identifiers.PUPIL_REF)
        String pupilRef,
        @Pattern(regexp = Identifiers.ORGANISATION_ID)
        String schoolId,
        Actor actor,
        Instant occurredAt,
        Instant lastEntryAt,
        Period retention) implements PupilFileEvent {
}
