package nl.meldspoor.api.incident;

import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Identifiers;
import org.axonframework.serialization.Revision;

/**
 * An incident was recorded in the school's incident register.
 *
 * @param occurredAt when it was recorded; when it happened is in the report
 * @param track      the protocol it follows, derived from the report
 * @param meldplicht whether the meldplicht applies (a sexual offence by a staff member): the board
 *                   officer is alerted at once
 */
@Revision("1")
public record IncidentRecorded(
        @Pattern(regexp = Identifiers.INCIDENT_ID)
        String incidentId,
        @Pattern(regexp = Identifiers.ORGANISATION_ID)
        String schoolId,
        Actor actor,
        Instant occurredAt,
        IncidentReport report,
        ProtocolTrack track,
        boolean meldplicht) implements IncidentEvent {
}
