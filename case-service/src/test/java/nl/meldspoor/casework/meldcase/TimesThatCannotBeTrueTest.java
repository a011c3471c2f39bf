package nl.meldspoor.casework.meldcase;

import static nl.meldspoor.casework.meldcase.CaseTestData.CASE_ID;
import static nl.meldspoor.casework.meldcase.CaseTestData.IB;
import static nl.meldspoor.casework.meldcase.CaseTestData.PRINCIPAL;
import static nl.meldspoor.casework.meldcase.CaseTestData.PUPIL;
import static nl.meldspoor.casework.meldcase.CaseTestData.SCHOOL;
import static nl.meldspoor.casework.meldcase.CaseTestData.T0;
import static nl.meldspoor.casework.meldcase.CaseTestData.day;
import static nl.meldspoor.casework.meldcase.CaseTestData.parentConversation;
import static nl.meldspoor.casework.meldcase.CaseTestData.report;
import static nl.meldspoor.casework.meldcase.CaseTestData.reportConversation;
import static nl.meldspoor.casework.meldcase.CaseTestData.signal;
import static nl.meldspoor.casework.meldcase.CaseTestData.weighing;
import static nl.meldspoor.platform.testing.Violations.violates;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.meldspoor.api.meldcase.AfwegingQuestion;
import nl.meldspoor.api.meldcase.ApproveReportDecision;
import nl.meldspoor.api.meldcase.CaseClosed;
import nl.meldspoor.api.meldcase.CaseOutcome;
import nl.meldspoor.api.meldcase.CaseReopened;
import nl.meldspoor.api.meldcase.CloseCase;
import nl.meldspoor.api.meldcase.Closure;
import nl.meldspoor.api.meldcase.ColleagueConsultation;
import nl.meldspoor.api.meldcase.ColleagueConsulted;
import nl.meldspoor.api.meldcase.ConsultColleague;
import nl.meldspoor.api.meldcase.DecideReport;
import nl.meldspoor.api.meldcase.EvaluateHelp;
import nl.meldspoor.api.meldcase.HelpEvaluation;
import nl.meldspoor.api.meldcase.InformParentsOfReport;
import nl.meldspoor.api.meldcase.Meldnorm;
import nl.meldspoor.api.meldcase.ParentConversation;
import nl.meldspoor.api.meldcase.ParentsInformedOfReport;
import nl.meldspoor.api.meldcase.RecordReport;
import nl.meldspoor.api.meldcase.RecordVeiligThuisFeedback;
import nl.meldspoor.api.meldcase.ReopenCase;
import nl.meldspoor.api.meldcase.Reopening;
import nl.meldspoor.api.meldcase.ReportConversation;
import nl.meldspoor.api.meldcase.ReportDecisionApproval;
import nl.meldspoor.api.meldcase.ReportDecision;
import nl.meldspoor.api.meldcase.ReportRecorded;
import nl.meldspoor.api.meldcase.SameSignals;
import nl.meldspoor.api.meldcase.TalkToParents;
import nl.meldspoor.api.meldcase.VeiligThuisDecision;
import nl.meldspoor.api.meldcase.VeiligThuisFeedback;
import nl.meldspoor.api.meldcase.VeiligThuisFeedbackRecorded;
import nl.meldspoor.api.meldcase.VeiligThuisReport;
import nl.meldspoor.api.meldcase.WeighConcerns;
import nl.meldspoor.api.meldcase.WeighingAnswer;
import nl.meldspoor.api.signal.SignalFlag;
import nl.meldspoor.casework.meldcase.CaseTestData.History;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every business time a command carries is measured against the case's own history and the moment the request
 * was recorded: not before the case was opened, not before the step it follows, not in the future beyond the
 * clock tolerance. A refused time leaves no trace.
 */
class TimesThatCannotBeTrueTest {

    /** The requests below are recorded three weeks after the case was opened, after everything in the histories. */
    private static final Instant RECORDED_AT = day(21);
    private static final MetaData RECORDING = RecordingMoment.of(RECORDED_AT);

    private FixtureConfiguration<MeldcodeCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MeldcodeCase.class);
    }

    private static ConsultColleague consultColleague(Instant at) {
        return new ConsultColleague(CASE_ID, null, IB, at, consultation(at));
    }

    private static ColleagueConsultation consultation(Instant at) {
        return new ColleagueConsultation(at, "lk-gijs", "leerkracht van het broertje", "De signalen.", SameSignals.YES, null);
    }

    private static RecordReport recordReport(Instant at) {
        VeiligThuisReport report = report();
        return new RecordReport(CASE_ID, null, IB, at, new VeiligThuisReport(at, report.reportedBy(), report.veiligThuisReference(),
                report.reporterAnonymityRequested(), report.reportedFacts()));
    }

    private static VeiligThuisFeedback feedback(Instant at) {
        return new VeiligThuisFeedback(at, VeiligThuisDecision.OWN_INVESTIGATION, "Blijft signaleren.", true, null);
    }

    /** Decided on day 8, approved on day 8, the parents told on day 9. */
    private static History readyToReport() {
        return History.stepsOneToThree().suspicion().unsafe().decided(true, false, Meldnorm.ACUTE_OR_STRUCTURAL_UNSAFETY)
                .approved(true, false).parentsInformedOfReport();
    }

    // ---- not before the case was opened

    @Test
    void aConsultationBeforeTheCaseWasOpenedIsRefused() {
        fixture.given(History.opened().events())
                .when(consultColleague(T0.minus(Duration.ofHours(1))), RECORDING)
                .expectException(violates(CaseRule.BEFORE_CASE_OPENED, "consultedAt"))
                .expectNoEvents();
    }

    @Test
    void aReportDatedBeforeTheCaseWasOpenedIsRefused() {
        fixture.given(readyToReport().events())
                .when(recordReport(T0.minus(Duration.ofDays(3))), RECORDING)
                .expectException(violates(CaseRule.BEFORE_CASE_OPENED, "reportedAt"))
                .expectNoEvents();
    }

    @Test
    void anEvaluationOfHelpOnADayBeforeTheCaseWasOpenedIsRefused() {
        fixture.given(History.stepsOneToThree().ownHelpAgreed().helpStarted().events())
                .when(new EvaluateHelp(CASE_ID, null, IB, RECORDED_AT,
                        new HelpEvaluation(LocalDate.of(2026, 11, 1), false, "Geen verbetering.", null)), RECORDING)
                .expectException(violates(CaseRule.BEFORE_CASE_OPENED, "evaluatedOn"))
                .expectNoEvents();
    }

    // ---- not before the step it follows

    @Test
    void aReportDatedBeforeTheReportDecisionIsRefused() {
        fixture.given(readyToReport().events())
                .when(recordReport(day(7)), RECORDING)
                .expectException(violates(CaseRule.BEFORE_PRECEDING_STEP, "reportedAt"))
                .expectNoEvents();
    }

    @Test
    void aReportDatedBeforeTheParentsWereToldOfItIsRefused() {
        fixture.given(readyToReport().events())
                .when(recordReport(day(8).plus(Duration.ofHours(2))), RECORDING)
                .expectException(violates(CaseRule.BEFORE_PRECEDING_STEP, "reportedAt"))
                .expectNoEvents();
    }

    @Test
    void theParentsCannotBeToldOfAReportBeforeItWasDecided() {
        ReportConversation conversation = reportConversation();
        fixture.given(History.stepsOneToThree().suspicion().unsafe().decided(true, false, Meldnorm.ACUTE_OR_STRUCTURAL_UNSAFETY)
                        .approved(true, false).events())
                .when(new InformParentsOfReport(CASE_ID, null, IB, day(6), new ReportConversation(day(6), conversation.staffPresent(),
                        conversation.parentsPresent(), conversation.parentsReaction(), conversation.objections())), RECORDING)
                .expectException(violates(CaseRule.BEFORE_PRECEDING_STEP, "heldAt"))
                .expectNoEvents();
    }

    @Test
    void aDecisionCannotBeApprovedBeforeItWasTaken() {
        fixture.given(History.stepsOneToThree().suspicion().unsafe().decided(true, false, Meldnorm.ACUTE_OR_STRUCTURAL_UNSAFETY).events())
                .when(new ApproveReportDecision(CASE_ID, null, PRINCIPAL, day(7), new ReportDecisionApproval("Akkoord.")), RECORDING)
                .expectException(violates(CaseRule.BEFORE_PRECEDING_STEP, "occurredAt"))
                .expectNoEvents();
    }

    @Test
    void theReportDecisionCannotPrecedeTheAfwegingen() {
        fixture.given(History.stepsOneToThree().suspicion().unsafe().events())
                .when(new DecideReport(CASE_ID, null, IB, day(2), new ReportDecision(true, false, "Meldnorm 1.")), RECORDING)
                .expectException(violates(CaseRule.BEFORE_PRECEDING_STEP, "occurredAt"))
                .expectNoEvents();
    }

    @Test
    void theFirstAfwegingCannotPrecedeTheConversationWithTheParentsItRestsOn() {
        fixture.given(History.stepsOneToThree().events())
                .when(new WeighConcerns(CASE_ID, null, IB, day(1).plus(Duration.ofHours(3)),
                        weighing(AfwegingQuestion.VERMOEDEN, WeighingAnswer.YES)), RECORDING)
                .expectException(violates(CaseRule.BEFORE_PRECEDING_STEP, "occurredAt"))
                .expectNoEvents();
    }

    @Test
    void feedbackFromVeiligThuisCannotPrecedeTheReport() {
        fixture.given(readyToReport().reported(Meldnorm.ACUTE_OR_STRUCTURAL_UNSAFETY).events())
                .when(new RecordVeiligThuisFeedback(CASE_ID, null, IB, day(9), feedback(day(9))), RECORDING)
                .expectException(violates(CaseRule.BEFORE_PRECEDING_STEP, "receivedAt"))
                .expectNoEvents();
    }

    @Test
    void helpCannotBeEvaluatedBeforeItStarted() {
        // the help plan starts on 16 November 2026
        fixture.given(History.stepsOneToThree().ownHelpAgreed().helpStarted().events())
                .when(new EvaluateHelp(CASE_ID, null, IB, RECORDED_AT,
                        new HelpEvaluation(LocalDate.of(2026, 11, 10), false, "Geen verbetering.", null)), RECORDING)
                .expectException(violates(CaseRule.BEFORE_PRECEDING_STEP, "evaluatedOn"))
                .expectNoEvents();
    }

    @Test
    void onTheUrgentPathTheParentsAreNotTalkedToBeforeVeiligThuisAdvised() {
        ParentConversation conversation = parentConversation();
        Instant beforeAdvice = day(1).minus(Duration.ofHours(2));
        fixture.given(History.opened(signal("sig-1", SignalFlag.DISCLOSURE)).consultedVeiligThuis().events())
                .when(new TalkToParents(CASE_ID, null, IB, beforeAdvice, new ParentConversation(beforeAdvice, conversation.staffPresent(),
                        conversation.parentsPresent(), conversation.concernsShared(), conversation.parentsReaction(), conversation.agreements(),
                        conversation.kindcheck())), RECORDING)
                .expectException(violates(CaseRule.BEFORE_PRECEDING_STEP, "heldAt"))
                .expectNoEvents();
    }

    @Test
    void aCaseCannotCloseBeforeItsLastAct() {
        fixture.given(History.stepsOneToThree().noSuspicion().events())
                .when(new CloseCase(CASE_ID, null, IB, day(2), noSuspicion()), RECORDING)
                .expectException(violates(CaseRule.BEFORE_PRECEDING_STEP, "occurredAt"))
                .expectNoEvents();
    }

    @Test
    void aCaseCannotBeReopenedBeforeItWasClosed() {
        fixture.given(closedOn(day(5)))
                .when(new ReopenCase(CASE_ID, null, IB, day(4), new Reopening("Nieuwe zorgen.", List.of())), RECORDING)
                .expectException(violates(CaseRule.BEFORE_PRECEDING_STEP, "occurredAt"))
                .expectNoEvents();
    }

    // ---- not in the future

    @Test
    void aConsultationLaterThanTheRecordingBeyondTheClockToleranceIsRefused() {
        fixture.given(History.opened().events())
                .when(consultColleague(RECORDED_AT.plus(RecordingMoment.CLOCK_TOLERANCE).plusSeconds(1)), RECORDING)
                .expectException(violates(CaseRule.IN_THE_FUTURE, "consultedAt"))
                .expectNoEvents();
    }

    @Test
    void aReportInTheFutureIsRefused() {
        fixture.given(readyToReport().events())
                .when(recordReport(RECORDED_AT.plus(Duration.ofDays(1))), RECORDING)
                .expectException(violates(CaseRule.IN_THE_FUTURE, "reportedAt"))
                .expectNoEvents();
    }

    @Test
    void anEvaluationOfHelpOnADayStillToComeIsRefused() {
        fixture.given(History.stepsOneToThree().ownHelpAgreed().helpStarted().events())
                .when(new EvaluateHelp(CASE_ID, null, IB, RECORDED_AT,
                        new HelpEvaluation(LocalDate.of(2026, 11, 24), false, "Geen verbetering.", null)), RECORDING)
                .expectException(violates(CaseRule.IN_THE_FUTURE, "evaluatedOn"))
                .expectNoEvents();
    }

    // ---- what can be true is accepted

    @Test
    void aConsultationAtTheMomentTheCaseWasOpenedIsAccepted() {
        fixture.given(History.opened().events())
                .when(consultColleague(T0), RECORDING)
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ColleagueConsulted(CASE_ID, SCHOOL, PUPIL, IB, T0, consultation(T0)));
    }

    @Test
    void aTimeWithinTheClockToleranceIsAccepted() {
        Instant slightlyAhead = RECORDED_AT.plus(RecordingMoment.CLOCK_TOLERANCE);
        fixture.given(History.opened().events())
                .when(consultColleague(slightlyAhead), RECORDING)
                .expectEvents(new ColleagueConsulted(CASE_ID, SCHOOL, PUPIL, IB, slightlyAhead, consultation(slightlyAhead)));
    }

    @Test
    void aReportAtTheSameMomentAsTheConversationWithTheParentsIsAccepted() {
        RecordReport sameMoment = recordReport(day(9));
        fixture.given(readyToReport().events())
                .when(sameMoment, RECORDING)
                .expectEvents(new ReportRecorded(CASE_ID, SCHOOL, PUPIL, IB, day(9), sameMoment.report(), PRINCIPAL.personId(),
                        Meldnorm.ACUTE_OR_STRUCTURAL_UNSAFETY));
    }

    @Test
    void feedbackAtTheMomentOfTheReportAndALaterReportAreAccepted() {
        fixture.given(readyToReport().reported(Meldnorm.ACUTE_OR_STRUCTURAL_UNSAFETY).events())
                .when(new RecordVeiligThuisFeedback(CASE_ID, null, IB, day(10), feedback(day(10))), RECORDING)
                .expectEvents(new VeiligThuisFeedbackRecorded(CASE_ID, SCHOOL, PUPIL, IB, day(10), feedback(day(10))));
        fixture.given(readyToReport().events())
                .when(recordReport(day(12)), RECORDING)
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void theParentsToldOfTheReportAtTheMomentOfTheDecisionAndAClosureAtTheLastActAreAccepted() {
        ReportConversation conversation = reportConversation();
        ReportConversation atDecision = new ReportConversation(day(8), conversation.staffPresent(), conversation.parentsPresent(),
                conversation.parentsReaction(), conversation.objections());
        fixture.given(History.stepsOneToThree().suspicion().unsafe().decided(true, false, Meldnorm.ACUTE_OR_STRUCTURAL_UNSAFETY)
                        .approved(true, false).events())
                .when(new InformParentsOfReport(CASE_ID, null, IB, day(8), atDecision), RECORDING)
                .expectEvents(new ParentsInformedOfReport(CASE_ID, SCHOOL, PUPIL, IB, day(8), atDecision));
        fixture.given(History.stepsOneToThree().noSuspicion().events())
                .when(new CloseCase(CASE_ID, null, IB, day(3), noSuspicion()), RECORDING)
                .expectEvents(new CaseClosed(CASE_ID, SCHOOL, PUPIL, IB, day(3), noSuspicion()));
        fixture.given(closedOn(day(5)))
                .when(new ReopenCase(CASE_ID, null, IB, day(5), new Reopening("Nieuwe zorgen.", List.of())), RECORDING)
                .expectEvents(new CaseReopened(CASE_ID, SCHOOL, PUPIL, IB, day(5), new Reopening("Nieuwe zorgen.", List.of())));
    }

    @Test
    void aCommandTheServiceSendsItselfHasNoRecordingMomentAndIsMeasuredAgainstTheHistoryOnly() {
        fixture.given(History.opened().events())
                .when(consultColleague(day(400)))
                .expectSuccessfulHandlerExecution();
        fixture.given(History.opened().events())
                .when(consultColleague(T0.minusSeconds(1)))
                .expectException(violates(CaseRule.BEFORE_CASE_OPENED, "consultedAt"));
    }

    private static Closure noSuspicion() {
        return new Closure(CaseOutcome.NO_SUSPICION, "Het vermoeden is ongegrond gebleken.", true, null);
    }

    private static Object[] closedOn(Instant at) {
        List<Object> events = new java.util.ArrayList<>(List.of(History.stepsOneToThree().noSuspicion().events()));
        events.add(new CaseClosed(CASE_ID, SCHOOL, PUPIL, IB, at, noSuspicion()));
        return events.toArray();
    }
}
