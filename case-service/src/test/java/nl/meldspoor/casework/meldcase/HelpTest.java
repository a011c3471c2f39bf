package nl.meldspoor.casework.meldcase;

import static nl.meldspoor.casework.meldcase.CaseTestData.CASE_ID;
import static nl.meldspoor.casework.meldcase.CaseTestData.IB;
import static nl.meldspoor.casework.meldcase.CaseTestData.PUPIL;
import static nl.meldspoor.casework.meldcase.CaseTestData.SCHOOL;
import static nl.meldspoor.casework.meldcase.CaseTestData.day;
import static nl.meldspoor.casework.meldcase.CaseTestData.helpPlan;
import static nl.meldspoor.casework.meldcase.CaseTestData.required;
import static nl.meldspoor.casework.meldcase.Violations.violates;

import java.time.LocalDate;
import java.util.List;
import nl.meldspoor.api.meldcase.EvaluateHelp;
import nl.meldspoor.api.meldcase.HelpEvaluated;
import nl.meldspoor.api.meldcase.HelpEvaluation;
import nl.meldspoor.api.meldcase.HelpPlan;
import nl.meldspoor.api.meldcase.HelpStarted;
import nl.meldspoor.api.meldcase.Meldnorm;
import nl.meldspoor.api.meldcase.StartHelp;
import nl.meldspoor.api.meldcase.WeighingOutcome;
import nl.meldspoor.casework.meldcase.CaseTestData.History;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HelpTest {

    private static final LocalDate TERM = helpPlan().term();

    private FixtureConfiguration<MeldcodeCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MeldcodeCase.class);
    }

    private static StartHelp start(HelpPlan plan) {
        return new StartHelp(CASE_ID, null, IB, day(15), plan);
    }

    private static EvaluateHelp evaluate(LocalDate on, boolean achieved, String monitoring) {
        return new EvaluateHelp(CASE_ID, null, IB, day(100), new HelpEvaluation(on, achieved, "Evaluatie met ouders.", monitoring));
    }

    private static HelpPlan plan(List<nl.meldspoor.api.meldcase.HelpTask> tasks, String casemanager, LocalDate term) {
        HelpPlan base = helpPlan();
        return new HelpPlan(base.startsOn(), base.help(), base.intendedResults(), tasks, casemanager, term);
    }

    @Test
    void helpStartsWithATermAndACasemanagerOnceAgreedAndApproved() {
        fixture.given(History.stepsOneToThree().ownHelpAgreed().events())
                .when(start(helpPlan()))
                .expectEvents(new HelpStarted(CASE_ID, SCHOOL, PUPIL, IB, day(15), helpPlan()));
    }

    @Test
    void helpIsNotStartedBeforeTheAfwegingskaderAgreedIt() {
        fixture.given(History.stepsOneToThree().suspicion().safe().events())
                .when(start(helpPlan()))
                .expectException(violates(CaseRule.HELP_NOT_AGREED));
    }

    @Test
    void helpWithoutAReportFollowsTheDecisionsOfStepFive() {
        fixture.given(History.stepsOneToThree().suspicion().safe().helpPossible().helpAccepted().events())
                .when(start(helpPlan()))
                .expectException(violates(CaseRule.REPORT_DECISION_REQUIRED));
    }

    @Test
    void helpWithoutAReportNeedsThePrincipalsApprovalOfNotReporting() {
        fixture.given(History.stepsOneToThree().suspicion().safe().helpPossible().helpAccepted().decided(false, true, null).events())
                .when(start(helpPlan()))
                .expectException(violates(CaseRule.PRINCIPAL_APPROVAL_REQUIRED));
    }

    @Test
    void afterAReportHelpIsOrganisedWithVeiligThuis() {
        fixture.given(History.stepsOneToThree().suspicion().unsafe().reportedUnder(Meldnorm.ACUTE_OR_STRUCTURAL_UNSAFETY).events())
                .when(start(helpPlan()))
                .expectEvents(new HelpStarted(CASE_ID, SCHOOL, PUPIL, IB, day(15), helpPlan()));
    }

    @Test
    void helpHasATerm() {
        fixture.given(History.stepsOneToThree().ownHelpAgreed().events())
                .when(start(plan(helpPlan().tasks(), IB.personId(), null)))
                .expectException(violates(CaseRule.HELP_TERM_REQUIRED));
    }

    @Test
    void theTermLiesAfterTheStart() {
        fixture.given(History.stepsOneToThree().ownHelpAgreed().events())
                .when(start(plan(helpPlan().tasks(), IB.personId(), helpPlan().startsOn())))
                .expectException(violates(CaseRule.HELP_TERM_BEFORE_START));
    }

    @Test
    void helpHasACasemanager() {
        fixture.given(History.stepsOneToThree().ownHelpAgreed().events())
                .when(start(plan(helpPlan().tasks(), "", TERM)))
                .expectException(violates(CaseRule.HELP_CASEMANAGER_REQUIRED));
    }

    @Test
    void helpSaysWhoDoesWhat() {
        fixture.given(History.stepsOneToThree().ownHelpAgreed().events())
                .when(start(plan(List.of(), IB.personId(), TERM)))
                .expectException(violates(CaseRule.HELP_TASKS_REQUIRED));
    }

    @Test
    void runningHelpIsEvaluatedBeforeNewHelpStarts() {
        fixture.given(History.stepsOneToThree().ownHelpAgreed().helpStarted().events())
                .when(start(helpPlan()))
                .expectException(violates(CaseRule.HELP_ALREADY_ACTIVE));
    }

    @Test
    void onlyRunningHelpIsEvaluated() {
        fixture.given(History.stepsOneToThree().ownHelpAgreed().events())
                .when(evaluate(TERM, true, "Maandelijks contact."))
                .expectException(violates(CaseRule.NO_ACTIVE_HELP));
    }

    @Test
    void helpIsNotDeclaredSuccessfulBeforeItsTerm() {
        fixture.given(History.stepsOneToThree().ownHelpAgreed().helpStarted().events())
                .when(evaluate(TERM.minusDays(1), true, "Maandelijks contact."))
                .expectException(violates(CaseRule.HELP_TERM_NOT_REACHED));
    }

    @Test
    void successfulHelpClosesWithMonitoringAgreements() {
        fixture.given(History.stepsOneToThree().ownHelpAgreed().helpStarted().events())
                .when(evaluate(TERM, true, null))
                .expectException(violates(CaseRule.MONITORING_AGREEMENTS_REQUIRED));
    }

    @Test
    void successfulHelpAtItsTermIsEvaluated() {
        HelpEvaluation evaluation = new HelpEvaluation(TERM, true, "Evaluatie met ouders.", "Maandelijks contact tot de zomer.");
        fixture.given(History.stepsOneToThree().ownHelpAgreed().helpStarted().events())
                .when(new EvaluateHelp(CASE_ID, null, IB, day(100), evaluation))
                .expectEvents(new HelpEvaluated(CASE_ID, SCHOOL, PUPIL, IB, day(100), evaluation, new WeighingOutcome(false, null, null, false)));
    }

    @Test
    void reportIsRequiredWhenHelpDoesNotStopTheUnsafety() {
        HelpEvaluation failed = new HelpEvaluation(TERM.minusDays(20), false, "Nieuwe plekken ondanks de hulp.", null);
        fixture.given(History.stepsOneToThree().ownHelpAgreed().helpStarted().events())
                .when(new EvaluateHelp(CASE_ID, null, IB, day(100), failed))
                .expectEvents(new HelpEvaluated(CASE_ID, SCHOOL, PUPIL, IB, day(100), failed, required(Meldnorm.UNSAFETY_PERSISTS, null, false)));
    }

    @Test
    void afterFailedHelpNewHelpWaitsForTheReport() {
        fixture.given(History.stepsOneToThree().ownHelpAgreed().helpStarted().helpEvaluated(false).events())
                .when(start(helpPlan()))
                .expectException(violates(CaseRule.MELDNORM_REQUIRES_REPORT));
    }
}
