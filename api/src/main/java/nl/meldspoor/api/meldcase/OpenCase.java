package nl.meldspoor.api.meldcase;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Open a meldcode case (dossier meldcode) for one pupil with the signals that led to it.
 *
 * @param occurredAt when the case was opened (business time)
 */
public record OpenCase(
        @TargetAggregateIdentifier @NotBlank String caseId,
        @NotNull @Valid Actor actor,
        @NotNull Instant occurredAt,
        @NotNull @Valid CaseOpening opening) implements MeldcodeCaseCommand {
}
