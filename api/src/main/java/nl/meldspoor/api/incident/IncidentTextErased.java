package nl.meldspoor.api.incident;

import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.time.Period;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Identifiers;
import org.axonframework.serialization.Revision;

/**
 * The free text of the incident was erased after its retention period; type, severity, dates and the
 * protocol's steps stay, so the register's counts do not change.
 *
 * @param closedAt when the incident was closed, the start of its retention period
 */
@Revision("1")
public record IncidentTextErased(
        @Pattern(regexp = Identifiers.INCIDENT_ID)
        String incidentId,
        @Pattern(regexp = Identifiers.ORGANISATION_ID)
        String schoolId,
        Actor actor,
        Instant occurredAt,
        Instant closedAt,
        Period retention) implements IncidentEvent {
}
