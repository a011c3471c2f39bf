package nl.meldspoor.api.signal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Add the parents' view (zienswijze) to a signal.
 *
 * @param pupilRef        the pupil's file the command is about
 * @param expectedVersion the file version the actor saw, or {@code null} to skip the concurrency check
 * @param occurredAt      when the act happened (business time)
 */
public record AddParentView(
        @TargetAggregateIdentifier @NotBlank String pupilRef,
        @TargetAggregateVersion Long expectedVersion,
        @NotNull Actor actor,
        @NotNull Instant occurredAt,
        String signalId,
        ParentView view) {
}
