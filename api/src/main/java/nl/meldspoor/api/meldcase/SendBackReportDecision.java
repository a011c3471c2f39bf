package nl.meldspoor.api.meldcase;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Step 5: the principal sends the pending report decision back, with a reason, instead of approving it; the decision
 * is then taken again.
 *
 * @param expectedVersion the case version the actor saw, or {@code null} to skip the concurrency check
 * @param occurredAt      when the act happened (business time)
 */
public record SendBackReportDecision(
        @TargetAggregateIdentifier @NotBlank String caseId,
        @TargetAggregateVersion Long expectedVersion,
        @NotNull @Valid Actor actor,
        @NotNull Instant occurredAt,
        @NotNull @Valid ReportDecisionSendBack sendBack) implements MeldcodeCaseCommand {
}
