package nl.meldspoor.casework.meldcase;

import nl.meldspoor.api.meldcase.AfwegingQuestion;
import nl.meldspoor.api.meldcase.Meldnorm;
import nl.meldspoor.api.meldcase.Weighing;
import nl.meldspoor.api.meldcase.WeighingAnswer;
import nl.meldspoor.api.meldcase.WeighingOutcome;

/**
 * What each answer of the afwegingskader means (DOMAIN.md §4): whether a meldnorm applies and which
 * question comes next. A user cannot answer "no report" against a meldnorm: the report requirement is
 * derived here, not chosen.
 */
final class Afwegingskader {

    private Afwegingskader() {
    }

    /**
     * @param togetherWithVeiligThuis the current pass already reported after question 2, so questions
     *                                3 and 4 are weighed together with Veilig Thuis and a "no" there
     *                                does not call for another report
     */
    static WeighingOutcome outcomeOf(Weighing weighing, boolean togetherWithVeiligThuis) {
        boolean yes = weighing.answer() == WeighingAnswer.YES;
        return switch (weighing.question()) {
            case VERMOEDEN -> yes
                    ? next(AfwegingQuestion.VEILIGHEID, false)
                    : new WeighingOutcome(false, null, null, false);
            case VEILIGHEID -> safetyOutcome(weighing);
            case HULP -> yes
                    ? next(AfwegingQuestion.HULP_AANVAARDEN, togetherWithVeiligThuis)
                    : noEffectiveHelp(togetherWithVeiligThuis);
            case HULP_AANVAARDEN -> yes
                    ? next(AfwegingQuestion.RESULTAAT, togetherWithVeiligThuis)
                    : noEffectiveHelp(togetherWithVeiligThuis);
            case RESULTAAT -> evaluationOutcome(yes, togetherWithVeiligThuis);
        };
    }

    /** Afweging 5: help that did not reach its results means the unsafety persists — always report (meldnorm 3). */
    static WeighingOutcome evaluationOutcome(boolean resultsAchieved, boolean togetherWithVeiligThuis) {
        return resultsAchieved
                ? new WeighingOutcome(false, null, null, togetherWithVeiligThuis)
                : new WeighingOutcome(true, Meldnorm.UNSAFETY_PERSISTS, null, togetherWithVeiligThuis);
    }

    /** Yes or doubt: report at once (meldnorm 1); questions 3 to 5 are then answered with Veilig Thuis. */
    private static WeighingOutcome safetyOutcome(Weighing weighing) {
        if (weighing.answer() != WeighingAnswer.NO) {
            return new WeighingOutcome(true, Meldnorm.ACUTE_OR_STRUCTURAL_UNSAFETY, AfwegingQuestion.HULP, true);
        }
        if (weighing.violenceWithSeriousInjury()) {
            return new WeighingOutcome(true, Meldnorm.SERIOUS_INJURY, AfwegingQuestion.HULP, true);
        }
        return next(AfwegingQuestion.HULP, false);
    }

    private static WeighingOutcome noEffectiveHelp(boolean togetherWithVeiligThuis) {
        return togetherWithVeiligThuis
                ? new WeighingOutcome(false, null, null, true)
                : new WeighingOutcome(true, Meldnorm.NO_EFFECTIVE_HELP, null, false);
    }

    private static WeighingOutcome next(AfwegingQuestion question, boolean togetherWithVeiligThuis) {
        return new WeighingOutcome(false, null, question, togetherWithVeiligThuis);
    }
}
