package nl.meldspoor.api.incident;

import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Identifiers;
import org.axonframework.serialization.Revision;

/**
 * The parents were told of the incident.
 */
@Revision("1")
public record ParentsInformedOfIncident(
        @Pattern(regexp = Identifiers.INCIDENT_ID)
        String incidentId,
        @Pattern(regexp = Identifiers.ORGANISATION_ID)
        String schoolId,
        Actor actor,
        Instant occurredAt,
        ParentsInformed parentsInformed) implements IncidentEvent {
}
