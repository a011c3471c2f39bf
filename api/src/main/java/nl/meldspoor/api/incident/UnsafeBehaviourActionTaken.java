package nl.meldspoor.api.incident;

import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Identifiers;
import org.axonframework.serialization.Revision;

/**
 * An action against unsafe behaviour was taken; who was informed afterwards is part of it.
 */
@Revision("2")
public record UnsafeBehaviourActionTaken(
        @Pattern(regexp = Identifiers.INCIDENT_ID)
        String incidentId,
        @Pattern(regexp = Identifiers.ORGANISATION_ID)
        String schoolId,
        Actor actor,
        Instant occurredAt,
        UnsafeBehaviourActionDetails details) implements IncidentEvent {
}
