package nl.meldspoor.api.access;

import jakarta.validation.constraints.Size;
import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Limits;
import nl.meldspoor.api.common.SchoolFact;
import org.axonframework.serialization.Revision;

/**
 * Someone looked at a record of a school: who, in which role, what, when and why. Written to
 * {@link nl.meldspoor.api.common.Topics#ACCESS_LOG} before the record is handed out; never changed.
 *
 * @param accessId unique per read
 * @param recordId the case id, pupil ref, incident id, or the school id for a school's list or register
 * @param purpose  why, as the reader gave it ({@code X-Meldspoor-Purpose}), or {@code null}
 */
@Revision("1")
public record RecordViewed(String accessId, String schoolId, Actor actor, Instant occurredAt, RecordKind kind, String recordId,
                           @Size(max = Limits.LABEL) String purpose) implements SchoolFact {
}
