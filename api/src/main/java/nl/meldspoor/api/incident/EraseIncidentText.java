package nl.meldspoor.api.incident;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.Period;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Retention;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Erase the free text of a closed incident whose retention period has passed (crypto-shredding).
 * Sent by the board's retention schedule.
 */
public record EraseIncidentText(
        @TargetAggregateIdentifier @NotBlank String incidentId,
        @NotNull Period retention,
        @NotNull Instant occurredAt) implements IncidentCommand {

    @Override
    public Actor actor() {
        return Retention.ERASER;
    }
}
