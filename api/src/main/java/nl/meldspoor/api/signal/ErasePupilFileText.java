package nl.meldspoor.api.signal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.Period;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Erase the free text a school recorded in a pupil's file of signals, once the retention period has
 * passed since the school's last entry (crypto-shredding). Sent by the board's retention schedule.
 */
public record ErasePupilFileText(
        @TargetAggregateIdentifier @NotBlank String pupilRef,
        @NotBlank String schoolId,
        @NotNull Period retention,
        @NotNull Instant occurredAt) {
}
