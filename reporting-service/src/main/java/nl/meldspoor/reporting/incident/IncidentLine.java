package nl.meldspoor.reporting.incident;

import java.time.Instant;
import nl.meldspoor.api.incident.IncidentType;
import nl.meldspoor.api.incident.ParentContactMethod;
import nl.meldspoor.api.incident.ProtocolTrack;
import nl.meldspoor.api.incident.Severity;
import nl.meldspoor.api.incident.IncidentStatus;

/**
 * One line of a school's incident register: what, when, how it was handled — no free text and no
 * involved persons, so it can be exported for the yearly analysis.
 *
 * @param minutesToBoard for the meldplicht: minutes from the school's first knowledge to the board being informed
 */
public record IncidentLine(
        String incidentId,
        String schoolId,
        Instant occurredAt,
        Instant firstKnownAt,
        Instant recordedAt,
        IncidentType type,
        Severity severity,
        ProtocolTrack track,
        boolean meldplicht,
        IncidentStatus status,
        ProtocolStatus protocolStatus,
        int protocolSteps,
        ParentContactMethod parentsInformedHow,
        Instant parentsInformedAt,
        boolean policeInvolved,
        Integer minutesToBoard,
        Instant closedAt) {
}
