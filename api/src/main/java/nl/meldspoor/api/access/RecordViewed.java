package nl.meldspoor.api.access;

import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Identifiers;
import nl.meldspoor.api.common.SchoolFact;
import org.axonframework.serialization.Revision;

/**
 * Someone looked at a record of a school: who, in which role, what, when and why. Written to
 * {@link nl.meldspoor.api.common.Topics#ACCESS_LOG} before the record is handed out; never changed.
 * Every service writes it straight to Kafka, the reporting-service too, which holds no keys: so it
 * carries no free text at all.
 *
 * <p>Revision 2: {@code purpose} is a code; revision 1 held the reader's own words, which read as
 * {@link AccessPurpose#OTHER} (see {@link AccessPurpose#read}).
 *
 * @param accessId unique per read
 * @param recordId the case id, pupil ref, incident id, or the school id for a school's list or register
 * @param purpose  why, as the reader named it ({@code X-Meldspoor-Purpose}), or {@code null}
 */
@Revision("2")
public record RecordViewed(
        @Pattern(regexp = Identifiers.RECORD_ID)
        String accessId,
        @Pattern(regexp = Identifiers.ORGANISATION_ID)
        String schoolId,
        Actor actor,
        Instant occurredAt,
        RecordKind kind,
        @Pattern(regexp = Identifiers.REFERENCE)
        String recordId,
        AccessPurpose purpose) implements SchoolFact {
}
