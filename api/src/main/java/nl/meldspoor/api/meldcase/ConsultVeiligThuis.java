package nl.meldspoor.api.meldcase;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Step 2: record advice asked from Veilig Thuis.
 *
 * @param expectedVersion the case version the actor saw, or {@code null} to skip the concurrency check
 * @param occurredAt      when the act happened (business time)
 */
public record ConsultVeiligThuis(
        @TargetAggregateIdentifier @NotBlank String caseId,
        @TargetAggregateVersion Long expectedVersion,
        @NotNull @Valid Actor actor,
        @NotNull Instant occurredAt,
        @NotNull @Valid VeiligThuisConsultation consultation) implements MeldcodeCaseCommand {
}
