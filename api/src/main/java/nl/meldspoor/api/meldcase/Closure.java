package nl.meldspoor.api.meldcase;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.meldspoor.api.common.Limits;
import nl.meldspoor.api.common.PersonalData;

/**
 * Closing a case.
 *
 * @param suspicionUnfounded for {@link CaseOutcome#NO_SUSPICION}: the explicit statement that the
 *                           suspicion proved unfounded
 */
public record Closure(
        @NotNull CaseOutcome outcome,
        @NotBlank @PersonalData @Size(max = Limits.LONG_TEXT, message = Limits.TOO_LONG) String conclusion,
        boolean suspicionUnfounded,
        @PersonalData @Size(max = Limits.LONG_TEXT, message = Limits.TOO_LONG) String monitoringAgreements) {
}
