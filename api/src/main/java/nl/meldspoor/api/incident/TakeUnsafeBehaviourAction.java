package nl.meldspoor.api.incident;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Record an action against unsafe behaviour, with who was informed.
 *
 * @param expectedVersion the incident version the actor saw, or {@code null} to skip the concurrency check
 * @param occurredAt      when the act was recorded (business time)
 */
public record TakeUnsafeBehaviourAction(
        @TargetAggregateIdentifier @NotBlank String incidentId,
        @TargetAggregateVersion Long expectedVersion,
        @NotNull @Valid Actor actor,
        @NotNull Instant occurredAt,
        @NotNull @Valid UnsafeBehaviourActionDetails details) implements IncidentCommand {
}
