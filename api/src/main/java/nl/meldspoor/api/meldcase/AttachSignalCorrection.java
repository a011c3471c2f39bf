package nl.meldspoor.api.meldcase;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.signal.SignalContent;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A correction of a signal the case holds reaches the case, so that its own history stays complete.
 * Sent by the case-service's signal intake.
 *
 * @param correctionId the id of the correction in the signal-service; the case applies each correction once
 */
public record AttachSignalCorrection(
        @TargetAggregateIdentifier @NotBlank String caseId,
        @NotNull @Valid Actor actor,
        @NotNull Instant occurredAt,
        @NotBlank String correctionId,
        @NotBlank String signalId,
        @NotNull @Valid SignalContent correctedContent,
        @NotBlank String reason) implements MeldcodeCaseCommand {
}
