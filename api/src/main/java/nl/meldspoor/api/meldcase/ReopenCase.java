package nl.meldspoor.api.meldcase;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Reopen a closed case, typically on new signals.
 *
 * @param expectedVersion the case version the actor saw, or {@code null} to skip the concurrency check
 * @param occurredAt      when the act happened (business time)
 */
public record ReopenCase(
        @TargetAggregateIdentifier @NotBlank String caseId,
        @TargetAggregateVersion Long expectedVersion,
        @NotNull @Valid Actor actor,
        @NotNull Instant occurredAt,
        @NotNull @Valid Reopening reopening) implements MeldcodeCaseCommand {
}
