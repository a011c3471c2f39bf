package nl.meldspoor.api.meldcase;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.meldspoor.api.common.Limits;
import nl.meldspoor.api.common.PersonalData;

/**
 * An answer to one question of the afwegingskader with its rationale.
 *
 * @param acuteUnsafety             question 2: a person is in direct physical danger and safety in the
 *                                  coming days is not guaranteed
 * @param structuralUnsafety        question 2: repetition or continuation of unsafety
 * @param violenceWithSeriousInjury question 2: violence with serious injury, which always has to be reported
 * @param principalInformed         question 1: the principal was informed of the suspicion
 * @param boardInformed             question 1: the board was informed (required by some boards, e.g. Fedra)
 */
public record Weighing(
        @NotNull AfwegingQuestion question,
        @NotNull WeighingAnswer answer,
        @NotBlank @PersonalData @Size(max = Limits.LONG_TEXT, message = Limits.TOO_LONG) String rationale,
        boolean acuteUnsafety,
        boolean structuralUnsafety,
        boolean violenceWithSeriousInjury,
        boolean principalInformed,
        boolean boardInformed) {
}
