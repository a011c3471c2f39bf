package nl.meldspoor.api.meldcase;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A signal recorded later for a pupil with an open case reaches that case: the signal-service owns
 * signals and the case keeps its own copy. Sent by the case-service's signal intake, not by a person,
 * on behalf of whoever recorded the signal.
 */
public record ForwardSignal(
        @TargetAggregateIdentifier @NotBlank String caseId,
        @NotNull @Valid Actor actor,
        @NotNull Instant occurredAt,
        @NotNull @Valid AttachedSignal signal) implements MeldcodeCaseCommand {
}
