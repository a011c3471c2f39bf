package nl.meldspoor.api.incident;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.Instant;
import java.util.List;
import nl.meldspoor.api.common.PersonalData;

/**
 * A step of the vijfstappenaanpak as it was taken.
 *
 * @param takenAt  when the step was taken
 * @param informed who was informed afterwards, as descriptions such as "ouders", "directie",
 *                 "gedragscoördinator" — never names
 */
public record BullyingStepDetails(
        @NotNull BullyingStep step,
        @NotNull @PastOrPresent Instant takenAt,
        @PersonalData
        List<@NotBlank String> informed,
        @PersonalData String notes) {

    public BullyingStepDetails {
        informed = informed == null ? List.of() : List.copyOf(informed);
    }
}
