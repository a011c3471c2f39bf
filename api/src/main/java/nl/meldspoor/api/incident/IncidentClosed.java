package nl.meldspoor.api.incident;

import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import org.axonframework.serialization.Revision;

/**
 * The incident was closed.
 */
@Revision("1")
public record IncidentClosed(
        String incidentId,
        String schoolId,
        Actor actor,
        Instant occurredAt,
        IncidentClosure closure) implements IncidentEvent {
}
