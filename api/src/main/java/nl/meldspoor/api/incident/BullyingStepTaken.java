package nl.meldspoor.api.incident;

import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import org.axonframework.serialization.Revision;

/**
 * A step of the vijfstappenaanpak was taken; who was informed afterwards is part of it.
 */
@Revision("1")
public record BullyingStepTaken(
        String incidentId,
        String schoolId,
        Actor actor,
        Instant occurredAt,
        BullyingStepDetails details) implements IncidentEvent {
}
