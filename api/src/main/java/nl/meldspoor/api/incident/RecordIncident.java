package nl.meldspoor.api.incident;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record a significant social-safety incident in the school's incident register.
 *
 * @param occurredAt when the incident was recorded (business time); when the incident itself happened
 *                   is {@link IncidentReport#occurredAt()}
 */
public record RecordIncident(
        @TargetAggregateIdentifier @NotBlank String incidentId,
        @NotNull @Valid Actor actor,
        @NotNull Instant occurredAt,
        @NotNull @Valid IncidentReport report) implements IncidentCommand {
}
