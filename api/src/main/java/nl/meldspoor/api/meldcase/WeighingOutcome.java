package nl.meldspoor.api.meldcase;

/**
 * What an answer in the afwegingskader means, derived by the case when the answer was given.
 *
 * @param reportRequired           a meldnorm applies: a report to Veilig Thuis is required
 * @param meldnorm                 the meldnorm that applies, or {@code null}
 * @param nextQuestion             the next question to answer, or {@code null} when the afwegingskader
 *                                 waits for something else (a report, the help plan, closing)
 * @param togetherWithVeiligThuis  the remaining questions are answered together with Veilig Thuis
 */
public record WeighingOutcome(
        boolean reportRequired,
        Meldnorm meldnorm,
        AfwegingQuestion nextQuestion,
        boolean togetherWithVeiligThuis) {
}
