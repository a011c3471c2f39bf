package nl.meldspoor.api.meldcase;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import nl.meldspoor.api.common.Limits;
import nl.meldspoor.api.common.PersonalData;

/**
 * Advice from an external expert (SMW, jeugdarts, letselduiding, LEC EGG, ...). When the pupil is
 * identifiable, the parents' consent is needed unless the expert is one of the parties that may
 * receive information without it.
 */
public record ExpertConsultation(
        @NotNull @PastOrPresent Instant consultedAt,
        @NotNull ExpertType expert,
        @PersonalData
        @NotBlank @Size(max = Limits.LABEL, message = Limits.TOO_LONG) String expertDescription,
        boolean pupilIdentifiable,
        @NotBlank @PersonalData @Size(max = Limits.LONG_TEXT, message = Limits.TOO_LONG) String adviceAsked,
        @PersonalData @Size(max = Limits.LONG_TEXT, message = Limits.TOO_LONG) String adviceGiven) {
}
