package nl.meldspoor.api.incident;

import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import org.axonframework.serialization.Revision;

/**
 * An action against unsafe behaviour was taken; who was informed afterwards is part of it.
 */
@Revision("1")
public record UnsafeBehaviourActionTaken(
        String incidentId,
        String schoolId,
        Actor actor,
        Instant occurredAt,
        UnsafeBehaviourActionDetails details) implements IncidentEvent {
}
