package nl.meldspoor.api.meldcase;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.Period;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Retention;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Erase the free text of a closed case whose retention period has passed (crypto-shredding): its key
 * is deleted, the events stay. Sent by the board's retention schedule.
 *
 * @param retention how long the board keeps a closed case
 */
public record EraseCaseText(
        @TargetAggregateIdentifier @NotBlank String caseId,
        @NotNull Period retention,
        @NotNull Instant occurredAt) implements MeldcodeCaseCommand {

    @Override
    public Actor actor() {
        return Retention.ERASER;
    }
}
