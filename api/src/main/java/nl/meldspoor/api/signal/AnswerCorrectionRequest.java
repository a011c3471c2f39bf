package nl.meldspoor.api.signal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Answer a correction request: grant it with the corrected content, or refuse it with an explanation.
 *
 * @param pupilRef        the pupil's file the command is about
 * @param expectedVersion the file version the actor saw, or {@code null} to skip the concurrency check
 * @param occurredAt      when the act happened (business time)
 */
public record AnswerCorrectionRequest(
        @TargetAggregateIdentifier @NotBlank String pupilRef,
        @TargetAggregateVersion Long expectedVersion,
        @NotNull Actor actor,
        @NotNull Instant occurredAt,
        String signalId,
        String requestId,
        CorrectionAnswer answer) {
}
