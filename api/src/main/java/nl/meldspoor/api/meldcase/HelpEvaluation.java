package nl.meldspoor.api.meldcase;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import nl.meldspoor.api.common.Limits;
import nl.meldspoor.api.common.PersonalData;

/**
 * Afweging 5: did the help reach the agreed results for safety, well-being and recovery? A positive
 * result closes the help with agreements on monitoring safety.
 */
public record HelpEvaluation(
        @NotNull @PastOrPresent LocalDate evaluatedOn,
        boolean resultsAchieved,
        @NotBlank @PersonalData @Size(max = Limits.LONG_TEXT, message = Limits.TOO_LONG) String evaluation,
        @PersonalData @Size(max = Limits.LONG_TEXT, message = Limits.TOO_LONG) String monitoringAgreements) {
}
