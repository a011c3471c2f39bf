package nl.meldspoor.casework.meldcase;

import static nl.meldspoor.api.meldcase.AfwegingQuestion.HULP;
import static nl.meldspoor.api.meldcase.AfwegingQuestion.HULP_AANVAARDEN;
import static nl.meldspoor.api.meldcase.AfwegingQuestion.RESULTAAT;
import static nl.meldspoor.api.meldcase.AfwegingQuestion.VEILIGHEID;
import static nl.meldspoor.api.meldcase.AfwegingQuestion.VERMOEDEN;
import static nl.meldspoor.api.meldcase.WeighingAnswer.DOUBT;
import static nl.meldspoor.api.meldcase.WeighingAnswer.NO;
import static nl.meldspoor.api.meldcase.WeighingAnswer.YES;
import static nl.meldspoor.casework.meldcase.CaseTestData.CASE_ID;
import static nl.meldspoor.casework.meldcase.CaseTestData.IB;
import static nl.meldspoor.casework.meldcase.CaseTestData.PUPIL;
import static nl.meldspoor.casework.meldcase.CaseTestData.SCHOOL;
import static nl.meldspoor.casework.meldcase.CaseTestData.TEACHER;
import static nl.meldspoor.casework.meldcase.CaseTestData.day;
import static nl.meldspoor.casework.meldcase.CaseTestData.next;
import static nl.meldspoor.casework.meldcase.CaseTestData.required;
import static nl.meldspoor.casework.meldcase.CaseTestData.signal;
import static nl.meldspoor.casework.meldcase.CaseTestData.unsafe;
import static nl.meldspoor.casework.meldcase.CaseTestData.weighing;
import static nl.meldspoor.casework.meldcase.Violations.violates;

import nl.meldspoor.api.meldcase.AfwegingQuestion;
import nl.meldspoor.api.meldcase.ConcernsWeighed;
import nl.meldspoor.api.meldcase.Meldnorm;
import nl.meldspoor.api.meldcase.ParentContactSkipReason;
import nl.meldspoor.api.meldcase.WeighConcerns;
import nl.meldspoor.api.meldcase.Weighing;
import nl.meldspoor.api.meldcase.WeighingAnswer;
import nl.meldspoor.api.meldcase.WeighingOutcome;
import nl.meldspoor.api.signal.SignalFlag;
import nl.meldspoor.casework.meldcase.CaseTestData.History;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AfwegingskaderTest {

    private FixtureConfiguration<MeldcodeCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MeldcodeCase.class);
    }

    private static WeighConcerns answer(Weighing weighing) {
        return new WeighConcerns(CASE_ID, null, IB, day(3), weighing);
    }

    private static ConcernsWeighed weighed(Weighing weighing, int round, WeighingOutcome outcome) {
        return new ConcernsWeighed(CASE_ID, SCHOOL, PUPIL, IB, day(3), weighing, round, outcome);
    }

    @Test
    void theAfwegingskaderFollowsAConsultation() {
        fixture.given(History.opened().talkedToParents().events())
                .when(answer(weighing(VERMOEDEN, YES)))
                .expectException(violates(CaseRule.STEP_2_INCOMPLETE))
                .expectNoEvents();
    }

    @Test
    void theAfwegingskaderFollowsTheConversationWithTheParentsOrItsSkipping() {
        fixture.given(History.opened().consultedColleague().events())
                .when(answer(weighing(VERMOEDEN, YES)))
                .expectException(violates(CaseRule.STEP_3_INCOMPLETE));
    }

    @Test
    void askingVeiligThuisAndSkippingTheParentsCompletesStepsTwoAndThree() {
        fixture.given(History.opened().consultedVeiligThuis().skippedParents(ParentContactSkipReason.HONOUR_RELATED).events())
                .when(answer(weighing(VERMOEDEN, YES)))
                .expectEvents(weighed(weighing(VERMOEDEN, YES), 1, next(VEILIGHEID)));
    }

    @Test
    void safetyCannotBeWeighedBeforeTheSuspicion() {
        fixture.given(History.stepsOneToThree().events())
                .when(answer(weighing(VEILIGHEID, NO)))
                .expectException(violates(CaseRule.AFWEGINGSKADER_ORDER))
                .expectNoEvents();
    }

    @Test
    void helpCannotBeWeighedBeforeSafety() {
        fixture.given(History.stepsOneToThree().suspicion().events())
                .when(answer(weighing(HULP, YES)))
                .expectException(violates(CaseRule.AFWEGINGSKADER_ORDER));
    }

    @Test
    void acceptanceCannotBeWeighedBeforeHelp() {
        fixture.given(History.stepsOneToThree().suspicion().safe().events())
                .when(answer(weighing(HULP_AANVAARDEN, YES)))
                .expectException(violates(CaseRule.AFWEGINGSKADER_ORDER));
    }

    @Test
    void aQuestionIsNotAnsweredTwiceInOnePass() {
        fixture.given(History.stepsOneToThree().suspicion().safe().helpPossible().events())
                .when(answer(weighing(VEILIGHEID, NO)))
                .expectException(violates(CaseRule.AFWEGINGSKADER_ORDER));
    }

    @Test
    void aSuspicionIsWeighedOnlyWithThePrincipalInformed() {
        Weighing uninformed = new Weighing(VERMOEDEN, YES, "Sterk vermoeden.", false, false, false, false, false);
        fixture.given(History.stepsOneToThree().events())
                .when(answer(uninformed))
                .expectException(violates(CaseRule.PRINCIPAL_NOT_INFORMED));
    }

    @Test
    void noSuspicionEndsTheAfwegingskader() {
        fixture.given(History.stepsOneToThree().events())
                .when(answer(weighing(VERMOEDEN, NO)))
                .expectEvents(weighed(weighing(VERMOEDEN, NO), 1, new WeighingOutcome(false, null, null, false)));
    }

    @Test
    void afterNoSuspicionSafetyIsNotWeighed() {
        fixture.given(History.stepsOneToThree().noSuspicion().events())
                .when(answer(weighing(VEILIGHEID, NO)))
                .expectException(violates(CaseRule.AFWEGINGSKADER_ORDER));
    }

    @Test
    void reportIsRequiredWhenThereIsAcuteUnsafety() {
        fixture.given(History.stepsOneToThree().suspicion().events())
                .when(answer(unsafe(true, false)))
                .expectEvents(weighed(unsafe(true, false), 1, required(Meldnorm.ACUTE_OR_STRUCTURAL_UNSAFETY, HULP, true)));
    }

    @Test
    void reportIsRequiredWhenThereIsStructuralUnsafety() {
        fixture.given(History.stepsOneToThree().suspicion().events())
                .when(answer(unsafe(false, true)))
                .expectEvents(weighed(unsafe(false, true), 1, required(Meldnorm.ACUTE_OR_STRUCTURAL_UNSAFETY, HULP, true)));
    }

    @Test
    void reportIsRequiredWhenSafetyIsInDoubt() {
        fixture.given(History.stepsOneToThree().suspicion().events())
                .when(answer(weighing(VEILIGHEID, DOUBT)))
                .expectEvents(weighed(weighing(VEILIGHEID, DOUBT), 1, required(Meldnorm.ACUTE_OR_STRUCTURAL_UNSAFETY, HULP, true)));
    }

    @Test
    void unsafetyIsNamedAcuteOrStructural() {
        fixture.given(History.stepsOneToThree().suspicion().events())
                .when(answer(unsafe(false, false)))
                .expectException(violates(CaseRule.UNSAFETY_KIND_REQUIRED));
    }

    @Test
    void doubtIsAnAnswerOnlyToTheSafetyQuestion() {
        fixture.given(History.stepsOneToThree().suspicion().safe().events())
                .when(answer(weighing(HULP, DOUBT)))
                .expectException(violates(CaseRule.ANSWER_NOT_ALLOWED));
    }

    @Test
    void aDisclosureCannotBeWeighedAsSafe() {
        fixture.given(History.opened(signal("sig-1", SignalFlag.DISCLOSURE)).consultedVeiligThuis().talkedToParents().suspicion().events())
                .when(answer(weighing(VEILIGHEID, NO)))
                .expectException(violates(CaseRule.DISCLOSURE_IS_ACUTE_UNSAFETY));
    }

    @Test
    void violenceWithSeriousInjuryIsAlwaysReported() {
        Weighing injury = new Weighing(VEILIGHEID, NO, "Geen herhaling bekend, wel ernstig letsel.", false, false, true, false, false);
        fixture.given(History.stepsOneToThree().suspicion().events())
                .when(answer(injury))
                .expectEvents(weighed(injury, 1, required(Meldnorm.SERIOUS_INJURY, HULP, true)));
    }

    @Test
    void safeLeadsToTheHelpQuestion() {
        fixture.given(History.stepsOneToThree().suspicion().events())
                .when(answer(weighing(VEILIGHEID, NO)))
                .expectEvents(weighed(weighing(VEILIGHEID, NO), 1, next(HULP)));
    }

    @Test
    void reportIsRequiredWhenTheSchoolCannotOfferHelp() {
        fixture.given(History.stepsOneToThree().suspicion().safe().events())
                .when(answer(weighing(HULP, NO)))
                .expectEvents(weighed(weighing(HULP, NO), 1, required(Meldnorm.NO_EFFECTIVE_HELP, null, false)));
    }

    @Test
    void reportIsRequiredWhenHelpIsNotAccepted() {
        fixture.given(History.stepsOneToThree().suspicion().safe().helpPossible().events())
                .when(answer(weighing(HULP_AANVAARDEN, NO)))
                .expectEvents(weighed(weighing(HULP_AANVAARDEN, NO), 1, required(Meldnorm.NO_EFFECTIVE_HELP, null, false)));
    }

    @Test
    void acceptedHelpLeadsToTheResultAtTheTerm() {
        fixture.given(History.stepsOneToThree().suspicion().safe().helpPossible().events())
                .when(answer(weighing(HULP_AANVAARDEN, YES)))
                .expectEvents(weighed(weighing(HULP_AANVAARDEN, YES), 1, next(RESULTAAT)));
    }

    @Test
    void theResultIsWeighedByEvaluatingTheHelp() {
        fixture.given(History.stepsOneToThree().suspicion().safe().helpPossible().helpAccepted().events())
                .when(answer(weighing(RESULTAAT, YES)))
                .expectException(violates(CaseRule.AFWEGINGSKADER_ORDER));
    }

    @Test
    void afterUnsafetyTheRestWaitsForTheReport() {
        fixture.given(History.stepsOneToThree().suspicion().unsafe().events())
                .when(answer(weighing(HULP, YES)))
                .expectException(violates(CaseRule.REPORT_FIRST));
    }

    @Test
    void afterTheReportHelpIsWeighedTogetherWithVeiligThuis() {
        fixture.given(History.stepsOneToThree().suspicion().unsafe().reportedUnder(Meldnorm.ACUTE_OR_STRUCTURAL_UNSAFETY).events())
                .when(answer(weighing(HULP, YES)))
                .expectEvents(weighed(weighing(HULP, YES), 1, new WeighingOutcome(false, null, HULP_AANVAARDEN, true)));
    }

    @Test
    void togetherWithVeiligThuisNoHelpDoesNotCallForASecondReport() {
        fixture.given(History.stepsOneToThree().suspicion().unsafe().reportedUnder(Meldnorm.ACUTE_OR_STRUCTURAL_UNSAFETY).events())
                .when(answer(weighing(HULP, NO)))
                .expectEvents(weighed(weighing(HULP, NO), 1, new WeighingOutcome(false, null, null, true)));
    }

    @Test
    void theCaseIsWeighedAgainInANewPass() {
        fixture.given(History.stepsOneToThree().noSuspicion().events())
                .when(answer(weighing(VERMOEDEN, YES)))
                .expectEvents(weighed(weighing(VERMOEDEN, YES), 2, next(VEILIGHEID)));
    }

    @Test
    void aRequiredReportCannotBeWeighedAway() {
        fixture.given(History.stepsOneToThree().suspicion().safe().helpImpossible().events())
                .when(answer(weighing(VERMOEDEN, NO)))
                .expectException(violates(CaseRule.REPORT_FIRST));
    }

    @Test
    void everyAnswerHasARationale() {
        Weighing bare = new Weighing(VERMOEDEN, NO, " ", false, false, false, false, false);
        fixture.given(History.stepsOneToThree().events())
                .when(answer(bare))
                .expectException(violates(CaseRule.TEXT_REQUIRED));
    }

    @Test
    void aTeacherDoesNotWeigh() {
        fixture.given(History.stepsOneToThree().events())
                .when(new WeighConcerns(CASE_ID, null, TEACHER, day(3), weighing(AfwegingQuestion.VERMOEDEN, WeighingAnswer.NO)))
                .expectException(violates(CaseRule.ROLE_NOT_PERMITTED));
    }
}
