package nl.meldspoor.casework.meldcase;

import static nl.meldspoor.casework.meldcase.CaseTestData.ADVISOR;
import static nl.meldspoor.casework.meldcase.CaseTestData.CASE_ID;
import static nl.meldspoor.casework.meldcase.CaseTestData.IB;
import static nl.meldspoor.casework.meldcase.CaseTestData.OTHER_PRINCIPAL;
import static nl.meldspoor.casework.meldcase.CaseTestData.PRINCIPAL;
import static nl.meldspoor.casework.meldcase.CaseTestData.PUPIL;
import static nl.meldspoor.casework.meldcase.CaseTestData.SCHOOL;
import static nl.meldspoor.casework.meldcase.CaseTestData.day;
import static nl.meldspoor.casework.meldcase.CaseTestData.decision;
import static nl.meldspoor.casework.meldcase.Violations.violates;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.meldcase.ApproveReportDecision;
import nl.meldspoor.casework.meldcase.state.CaseEventSummaries;
import nl.meldspoor.api.meldcase.DecideReport;
import nl.meldspoor.api.meldcase.MeldcodeCaseEvent;
import nl.meldspoor.api.meldcase.Meldnorm;
import nl.meldspoor.api.meldcase.ReportDecided;
import nl.meldspoor.api.meldcase.ReportDecisionApproval;
import nl.meldspoor.api.meldcase.ReportDecisionSendBack;
import nl.meldspoor.api.meldcase.ReportDecisionSentBack;
import nl.meldspoor.api.meldcase.SendBackReportDecision;
import nl.meldspoor.casework.meldcase.state.CaseFile;
import nl.meldspoor.casework.meldcase.state.CaseStates;
import nl.meldspoor.api.meldcase.RecordedCaseEvent;
import nl.meldspoor.casework.meldcase.CaseTestData.History;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** UI.md §3 flow C: the principal approves the report decision, or sends it back with a reason and it is taken again. */
class SendingBackAReportDecisionTest {

    private static final ReportDecisionSendBack REASON = new ReportDecisionSendBack("Eerst de kindcheck bij de broer afronden.");

    private FixtureConfiguration<MeldcodeCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MeldcodeCase.class);
    }

    private static History awaitingApproval() {
        return History.stepsOneToThree().suspicion().unsafe().decided(true, false, Meldnorm.ACUTE_OR_STRUCTURAL_UNSAFETY);
    }

    private static SendBackReportDecision sendBack(Actor actor) {
        return new SendBackReportDecision(CASE_ID, null, actor, day(9), REASON);
    }

    private static ReportDecisionSentBack sentBack() {
        return new ReportDecisionSentBack(CASE_ID, SCHOOL, PUPIL, PRINCIPAL, day(9), REASON, decision(true, false));
    }

    @Test
    void theResponsiblePrincipalSendsBackADecisionAwaitingApproval() {
        fixture.given(awaitingApproval().events())
                .when(sendBack(PRINCIPAL))
                .expectEvents(sentBack());
    }

    @Test
    void afterSendingBackTheDecisionIsTakenAgainAndAwaitsApprovalAgain() {
        fixture.given(append(awaitingApproval().events(), sentBack()))
                .when(new DecideReport(CASE_ID, null, IB, day(10), decision(true, false)))
                .expectEvents(new ReportDecided(CASE_ID, SCHOOL, PUPIL, IB, day(10), decision(true, false), Meldnorm.ACUTE_OR_STRUCTURAL_UNSAFETY));
    }

    @Test
    void aDecisionSentBackCannotBeApproved() {
        fixture.given(append(awaitingApproval().events(), sentBack()))
                .when(new ApproveReportDecision(CASE_ID, null, PRINCIPAL, day(10), new ReportDecisionApproval("Toch akkoord.")))
                .expectException(violates(CaseRule.NO_DECISION_TO_APPROVE))
                .expectNoEvents();
    }

    @Test
    void theNewDecisionIsNotTakenBeforeTheSendingBack() {
        fixture.given(append(awaitingApproval().events(), sentBack()))
                .when(new DecideReport(CASE_ID, null, IB, day(8), decision(true, false)))
                .expectException(violates(CaseRule.BEFORE_PRECEDING_STEP))
                .expectNoEvents();
    }

    @Test
    void onlyTheResponsiblePrincipalSendsBack() {
        for (Actor other : List.of(IB, ADVISOR, OTHER_PRINCIPAL)) {
            setUp();
            fixture.given(awaitingApproval().events())
                    .when(sendBack(other))
                    .expectException(violates(CaseRule.ONLY_RESPONSIBLE_PRINCIPAL_SENDS_BACK))
                    .expectNoEvents();
        }
    }

    @Test
    void anApprovedDecisionIsNotSentBack() {
        fixture.given(awaitingApproval().approved(true, false).events())
                .when(sendBack(PRINCIPAL))
                .expectException(violates(CaseRule.NO_DECISION_TO_SEND_BACK))
                .expectNoEvents();
    }

    @Test
    void withoutADecisionThereIsNothingToSendBack() {
        fixture.given(History.stepsOneToThree().suspicion().unsafe().events())
                .when(sendBack(PRINCIPAL))
                .expectException(violates(CaseRule.NO_DECISION_TO_SEND_BACK))
                .expectNoEvents();
    }

    @Test
    void aSendingBackNamesItsReason() {
        fixture.given(awaitingApproval().events())
                .when(new SendBackReportDecision(CASE_ID, null, PRINCIPAL, day(9), new ReportDecisionSendBack(" ")))
                .expectException(violates(CaseRule.TEXT_REQUIRED))
                .expectNoEvents();
    }

    @Test
    void theDecisionIsNotSentBackBeforeItWasTaken() {
        fixture.given(awaitingApproval().events())
                .when(new SendBackReportDecision(CASE_ID, null, PRINCIPAL, day(7), REASON))
                .expectException(violates(CaseRule.BEFORE_PRECEDING_STEP))
                .expectNoEvents();
    }

    @Test
    void theCaseSaysTheDecisionMustBeTakenAgain() {
        List<MeldcodeCaseEvent> events = append(awaitingApproval().events(), sentBack()).stream().map(MeldcodeCaseEvent.class::cast).toList();
        CaseFile file = new CaseFile();
        events.forEach(file::apply);
        assertThat(file.currentDecision()).isEmpty();
        assertThat(file.decisionSentBack()).contains(sentBack());

        var state = new CaseStates(nl.meldspoor.api.calendar.WorkingDays.dutch(), 5).view(recorded(events), day(9));
        assertThat(state.nextSteps()).first().asString().contains("teruggestuurd").contains("neem het besluit opnieuw");
        assertThat(CaseEventSummaries.summarize(sentBack())).isEqualTo(
                "Stap 5: besluit over melden teruggestuurd door de directeur; het besluit wordt opnieuw genomen.");
    }

    private static List<Object> append(Object[] events, Object event) {
        List<Object> all = new java.util.ArrayList<>(Arrays.asList(events));
        all.add(event);
        return all;
    }

    private static List<RecordedCaseEvent> recorded(List<MeldcodeCaseEvent> events) {
        List<RecordedCaseEvent> recorded = new java.util.ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            recorded.add(new RecordedCaseEvent("ev-" + i, i, events.get(i).occurredAt(), events.get(i)));
        }
        return recorded;
    }
}
