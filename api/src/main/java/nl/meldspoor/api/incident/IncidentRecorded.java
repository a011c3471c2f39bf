package nl.meldspoor.api.incident;

import java.time.Instant;
import nl.meldspoor.api.common.Actor;
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
        String incidentId,
        String schoolId,
        Actor actor,
        Instant occurredAt,
        IncidentReport report,
        ProtocolTrack track,
        boolean meldplicht) implements IncidentEvent {
}
