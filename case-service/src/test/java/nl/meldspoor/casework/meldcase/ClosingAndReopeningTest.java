package nl.meldspoor.casework.meldcase;

import static nl.meldspoor.casework.meldcase.CaseTestData.CASE_ID;
import static nl.meldspoor.casework.meldcase.CaseTestData.CONFIDANT;
import static nl.meldspoor.casework.meldcase.CaseTestData.IB;
import static nl.meldspoor.casework.meldcase.CaseTestData.PUPIL;
import static nl.meldspoor.casework.meldcase.CaseTestData.SCHOOL;
import static nl.meldspoor.casework.meldcase.CaseTestData.colleagueConsultation;
import static nl.meldspoor.casework.meldcase.CaseTestData.day;
import static nl.meldspoor.casework.meldcase.CaseTestData.parentConversation;
import static nl.meldspoor.casework.meldcase.CaseTestData.signal;
import static nl.meldspoor.casework.meldcase.CaseTestData.weighing;
import static nl.meldspoor.casework.meldcase.Violations.violates;

import java.util.List;
import java.util.stream.Stream;
import nl.meldspoor.api.meldcase.AfwegingQuestion;
import nl.meldspoor.api.meldcase.AttachSignal;
import nl.meldspoor.api.meldcase.CaseClosed;
import nl.meldspoor.api.meldcase.CaseOutcome;
import nl.meldspoor.api.meldcase.CaseReopened;
import nl.meldspoor.api.meldcase.CloseCase;
import nl.meldspoor.api.meldcase.Closure;
import nl.meldspoor.api.meldcase.ConsultColleague;
import nl.meldspoor.api.meldcase.Meldnorm;
import nl.meldspoor.api.meldcase.ReopenCase;
import nl.meldspoor.api.meldcase.Reopening;
import nl.meldspoor.api.meldcase.TalkToParents;
import nl.meldspoor.api.meldcase.WeighConcerns;
import nl.meldspoor.api.meldcase.WeighingAnswer;
import nl.meldspoor.casework.meldcase.CaseTestData.History;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ClosingAndReopeningTest {

    private static final Closure UNFOUNDED = new Closure(CaseOutcome.NO_SUSPICION,
            "Het vermoeden is ongegrond gebleken: de plekken komen van de judoles.", true, null);

    private FixtureConfiguration<MeldcodeCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MeldcodeCase.class);
    }

    private static CloseCase close(Closure closure) {
        return new CloseCase(CASE_ID, null, IB, day(20), closure);
    }

    private static Closure closure(CaseOutcome outcome) {
        return new Closure(outcome, "Conclusie van het dossier.", false, "Maandelijks contact.");
    }

    @Test
    void aCaseWithoutSuspicionClosesStatingThatTheSuspicionProvedUnfounded() {
        fixture.given(History.stepsOneToThree().noSuspicion().events())
                .when(close(UNFOUNDED))
                .expectEvents(new CaseClosed(CASE_ID, SCHOOL, PUPIL, IB, day(20), UNFOUNDED));
    }

    @Test
    void closingWithoutSuspicionMustSayTheSuspicionWasUnfounded() {
        fixture.given(History.stepsOneToThree().noSuspicion().events())
                .when(close(new Closure(CaseOutcome.NO_SUSPICION, "Geen zorgen meer.", false, null)))
                .expectException(violates(CaseRule.NO_SUSPICION_MUST_BE_EXPLICIT))
                .expectNoEvents();
    }

    @Test
    void closingWithoutSuspicionFollowsTheFirstQuestion() {
        fixture.given(History.stepsOneToThree().suspicion().safe().events())
                .when(close(UNFOUNDED))
                .expectException(violates(CaseRule.NO_SUSPICION_NOT_ESTABLISHED));
    }

    @Test
    void aCaseWithARequiredReportCannotClose() {
        fixture.given(History.stepsOneToThree().suspicion().unsafe().events())
                .when(close(closure(CaseOutcome.REPORTED_AND_HANDED_OVER)))
                .expectException(violates(CaseRule.MELDNORM_REQUIRES_REPORT));
    }

    @Test
    void aDecidedReportIsMadeBeforeClosing() {
        fixture.given(History.stepsOneToThree().suspicion().safe().decided(true, true, null).approved(true, true).events())
                .when(close(closure(CaseOutcome.REPORTED_AND_HANDED_OVER)))
                .expectException(violates(CaseRule.REPORT_DECIDED_NOT_MADE));
    }

    @Test
    void runningHelpIsEvaluatedBeforeClosing() {
        fixture.given(History.stepsOneToThree().ownHelpAgreed().helpStarted().events())
                .when(close(closure(CaseOutcome.HELP_COMPLETED)))
                .expectException(violates(CaseRule.HELP_NOT_EVALUATED));
    }

    @Test
    void aCaseClosesAfterSuccessfulHelp() {
        // the help was evaluated at its term, on day 100: the case closes after that
        fixture.given(History.stepsOneToThree().ownHelpAgreed().helpStarted().helpEvaluated(true).events())
                .when(new CloseCase(CASE_ID, null, IB, day(101), closure(CaseOutcome.HELP_COMPLETED)))
                .expectEvents(new CaseClosed(CASE_ID, SCHOOL, PUPIL, IB, day(101), closure(CaseOutcome.HELP_COMPLETED)));
    }

    @Test
    void helpCompletedNeedsASuccessfulEvaluation() {
        fixture.given(History.stepsOneToThree().ownHelpAgreed().events())
                .when(close(closure(CaseOutcome.HELP_COMPLETED)))
                .expectException(violates(CaseRule.HELP_NOT_COMPLETED));
    }

    @Test
    void handedOverNeedsAReport() {
        fixture.given(History.stepsOneToThree().ownHelpAgreed().events())
                .when(close(closure(CaseOutcome.REPORTED_AND_HANDED_OVER)))
                .expectException(violates(CaseRule.NO_REPORT_RECORDED));
    }

    @Test
    void handedOverWaitsForVeiligThuisFeedback() {
        fixture.given(History.stepsOneToThree().suspicion().unsafe().reportedUnder(Meldnorm.ACUTE_OR_STRUCTURAL_UNSAFETY).events())
                .when(close(closure(CaseOutcome.REPORTED_AND_HANDED_OVER)))
                .expectException(violates(CaseRule.VEILIG_THUIS_FEEDBACK_PENDING));
    }

    @Test
    void aReportedCaseClosesAfterVeiligThuisFeedback() {
        fixture.given(History.stepsOneToThree().suspicion().unsafe().reportedUnder(Meldnorm.ACUTE_OR_STRUCTURAL_UNSAFETY).feedback().events())
                .when(close(closure(CaseOutcome.REPORTED_AND_HANDED_OVER)))
                .expectEvents(new CaseClosed(CASE_ID, SCHOOL, PUPIL, IB, day(20), closure(CaseOutcome.REPORTED_AND_HANDED_OVER)));
    }

    static Stream<Object> commandsOnAClosedCase() {
        return Stream.of(
                new AttachSignal(CASE_ID, null, IB, day(30), signal("sig-9")),
                new ConsultColleague(CASE_ID, null, IB, day(30), colleagueConsultation()),
                new TalkToParents(CASE_ID, null, IB, day(30), parentConversation()),
                new WeighConcerns(CASE_ID, null, IB, day(30), weighing(AfwegingQuestion.VERMOEDEN, WeighingAnswer.YES)),
                close(UNFOUNDED));
    }

    @ParameterizedTest
    @MethodSource("commandsOnAClosedCase")
    void nothingIsRecordedOnAClosedCaseExceptReopening(Object command) {
        fixture.given(History.stepsOneToThree().noSuspicion().events())
                .andGiven(new CaseClosed(CASE_ID, SCHOOL, PUPIL, IB, day(20), UNFOUNDED))
                .when(command)
                .expectException(violates(CaseRule.CASE_CLOSED))
                .expectNoEvents();
    }

    @Test
    void aClosedCaseIsReopenedOnNewSignals() {
        Reopening reopening = new Reopening("Nieuwe signalen van de gymleraar.", List.of(signal("sig-9")));
        fixture.given(History.stepsOneToThree().noSuspicion().events())
                .andGiven(new CaseClosed(CASE_ID, SCHOOL, PUPIL, IB, day(20), UNFOUNDED))
                .when(new ReopenCase(CASE_ID, null, IB, day(40), reopening))
                .expectEvents(new CaseReopened(CASE_ID, SCHOOL, PUPIL, IB, day(40), reopening));
    }

    @Test
    void aReopenedCaseIsWeighedAgain() {
        fixture.given(History.stepsOneToThree().noSuspicion().events())
                .andGiven(new CaseClosed(CASE_ID, SCHOOL, PUPIL, IB, day(20), UNFOUNDED),
                        new CaseReopened(CASE_ID, SCHOOL, PUPIL, IB, day(40), new Reopening("Nieuwe signalen.", List.of())))
                .when(new WeighConcerns(CASE_ID, null, IB, day(41), weighing(AfwegingQuestion.VERMOEDEN, WeighingAnswer.YES)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void onlyAClosedCaseIsReopened() {
        fixture.given(History.stepsOneToThree().events())
                .when(new ReopenCase(CASE_ID, null, IB, day(40), new Reopening("Nieuwe signalen.", List.of())))
                .expectException(violates(CaseRule.CASE_NOT_CLOSED));
    }

    @Test
    void aConfidantDoesNotRunMeldcodeCases() {
        fixture.given(History.stepsOneToThree().noSuspicion().events())
                .when(new CloseCase(CASE_ID, null, CONFIDANT, day(20), UNFOUNDED))
                .expectException(violates(CaseRule.ROLE_NOT_PERMITTED));
    }

    @Test
    void someoneWhoMayNotReopenIsRefusedForTheirRoleNotToldWhetherTheCaseIsClosed() {
        // Found by AccessMatrixIT: the confidant and a teacher got 409 CASE_NOT_CLOSED, learning the case's state.
        fixture.given(History.stepsOneToThree().events())
                .when(new ReopenCase(CASE_ID, null, CONFIDANT, day(40), new Reopening("Nieuwe signalen.", List.of())))
                .expectException(violates(CaseRule.ROLE_NOT_PERMITTED))
                .expectNoEvents();
    }

    @Test
    void someoneWhoMayNotActOnACaseIsRefusedForTheirRoleAlsoWhenItIsClosed() {
        fixture.given(History.stepsOneToThree().noSuspicion().events())
                .andGiven(new CaseClosed(CASE_ID, SCHOOL, PUPIL, IB, day(20), UNFOUNDED))
                .when(new ConsultColleague(CASE_ID, null, CONFIDANT, day(30), colleagueConsultation()))
                .expectException(violates(CaseRule.ROLE_NOT_PERMITTED))
                .expectNoEvents();
    }
}
