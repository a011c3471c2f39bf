package nl.meldspoor.api.incident;

import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import org.axonframework.serialization.Revision;

/**
 * The parents were told of the incident.
 */
@Revision("1")
public record ParentsInformedOfIncident(
        String incidentId,
        String schoolId,
        Actor actor,
        Instant occurredAt,
        ParentsInformed parentsInformed) implements IncidentEvent {
}
