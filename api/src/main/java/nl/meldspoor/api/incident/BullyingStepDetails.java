package nl.meldspoor.api.incident;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import nl.meldspoor.api.common.Limits;
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
        @Size(max = Limits.PEOPLE, message = Limits.TOO_MANY) List<@NotBlank @Size(max = Limits.LABEL, message = Limits.TOO_LONG) String> informed,
        @PersonalData @Size(max = Limits.LONG_TEXT, message = Limits.TOO_LONG) String notes) {

    public BullyingStepDetails {
        informed = informed == null ? List.of() : List.copyOf(informed);
    }
}
