package nl.meldspoor.api.meldcase;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.Instant;
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
        @NotBlank String expertDescription,
        boolean pupilIdentifiable,
        @NotBlank @PersonalData String adviceAsked,
        @PersonalData String adviceGiven) {
}
