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
import static nl.meldspoor.casework.meldcase.CaseTestData.report;
import static nl.meldspoor.casework.meldcase.CaseTestData.reportConversation;
import static nl.meldspoor.casework.meldcase.CaseTestData.skip;
import static nl.meldspoor.casework.meldcase.Violations.violates;

import nl.meldspoor.api.meldcase.ApproveReportDecision;
import nl.meldspoor.api.meldcase.DecideReport;
import nl.meldspoor.api.meldcase.InformParentsOfReport;
import nl.meldspoor.api.meldcase.InformingParentsOfReportSkipped;
import nl.meldspoor.api.meldcase.Meldnorm;
import nl.meldspoor.api.meldcase.ParentContactSkipReason;
import nl.meldspoor.api.meldcase.ParentsInformedOfReport;
import nl.meldspoor.api.meldcase.RecordReport;
import nl.meldspoor.api.meldcase.RecordVeiligThuisFeedback;
import nl.meldspoor.api.meldcase.ReportDecided;
import nl.meldspoor.api.meldcase.ReportDecisionApproval;
import nl.meldspoor.api.meldcase.ReportDecisionApproved;
import nl.meldspoor.api.meldcase.ReportRecorded;
import nl.meldspoor.api.meldcase.SkipInformingParentsOfReport;
import nl.meldspoor.api.meldcase.VeiligThuisDecision;
import nl.meldspoor.api.meldcase.VeiligThuisFeedback;
import nl.meldspoor.api.meldcase.VeiligThuisFeedbackRecorded;
import nl.meldspoor.casework.meldcase.CaseTestData.History;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReportingTest {

    private static final ReportDecisionApproval APPROVAL = new ReportDecisionApproval("Akkoord.");
    private static final VeiligThuisFeedback FEEDBACK =
            new VeiligThuisFeedback(day(14), VeiligThuisDecision.HANDOVER_TO_NEW_HELP, "Blijft signaleren.", true, null);

    private FixtureConfiguration<MeldcodeCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MeldcodeCase.class);
    }

    private static DecideReport decide(boolean report, boolean help) {
        return new DecideReport(CASE_ID, null, IB, day(8), decision(report, help));
    }

    @Test
    void theReportDecisionFollowsTheAfwegingskader() {
        fixture.given(History.stepsOneToThree().suspicion().events())
                .when(decide(true, false))
                .expectException(violates(CaseRule.AFWEGINGSKADER_INCOMPLETE))
                .expectNoEvents();
    }

    @Test
    void decidingNotToReportUnderMeldnormOneIsRefused() {
        fixture.given(History.stepsOneToThree().suspicion().unsafe().events())
                .when(decide(false, true))
                .expectException(violates(CaseRule.MELDNORM_REQUIRES_REPORT))
                .expectNoEvents();
    }

    @Test
    void decidingNotToReportUnderMeldnormTwoIsRefused() {
        fixture.given(History.stepsOneToThree().suspicion().safe().helpImpossible().events())
                .when(decide(false, false))
                .expectException(violates(CaseRule.MELDNORM_REQUIRES_REPORT));
    }

    @Test
    void decidingNotToReportUnderMeldnormThreeIsRefused() {
        fixture.given(History.stepsOneToThree().ownHelpAgreed().helpStarted().helpEvaluated(false).events())
                .when(decide(false, true))
                .expectException(violates(CaseRule.MELDNORM_REQUIRES_REPORT));
    }

    @Test
    void notReportingIsDecidedOnlyOnceHelpIsPossibleAndAccepted() {
        fixture.given(History.stepsOneToThree().suspicion().safe().helpPossible().events())
                .when(decide(false, true))
                .expectException(violates(CaseRule.AFWEGINGSKADER_INCOMPLETE));
    }

    @Test
    void theCareCoordinatorDecidesNotToReportWhenHelpIsAcceptedAndAwaitsApproval() {
        fixture.given(History.stepsOneToThree().suspicion().safe().helpPossible().helpAccepted().events())
                .when(decide(false, true))
                .expectEvents(new ReportDecided(CASE_ID, SCHOOL, PUPIL, IB, day(8), decision(false, true), null));
    }

    @Test
    void aReportDecisionCarriesTheMeldnormThatApplied() {
        fixture.given(History.stepsOneToThree().suspicion().unsafe().events())
                .when(decide(true, false))
                .expectEvents(new ReportDecided(CASE_ID, SCHOOL, PUPIL, IB, day(8), decision(true, false), Meldnorm.ACUTE_OR_STRUCTURAL_UNSAFETY));
    }

    @Test
    void aSchoolMayReportWithoutAMeldnorm() {
        fixture.given(History.stepsOneToThree().suspicion().safe().events())
                .when(decide(true, true))
                .expectEvents(new ReportDecided(CASE_ID, SCHOOL, PUPIL, IB, day(8), decision(true, true), null));
    }

    @Test
    void theResponsiblePrincipalsDecisionIsApprovedAtOnce() {
        fixture.given(History.stepsOneToThree().suspicion().unsafe().events())
                .when(new DecideReport(CASE_ID, null, PRINCIPAL, day(8), decision(true, false)))
                .expectEvents(
                        new ReportDecided(CASE_ID, SCHOOL, PUPIL, PRINCIPAL, day(8), decision(true, false), Meldnorm.ACUTE_OR_STRUCTURAL_UNSAFETY),
                        new ReportDecisionApproved(CASE_ID, SCHOOL, PUPIL, PRINCIPAL, day(8),
                                new ReportDecisionApproval("Besloten door de verantwoordelijke directeur."), decision(true, false)));
    }

    @Test
    void theHelpDecisionCannotContradictTheHelpQuestion() {
        fixture.given(History.stepsOneToThree().suspicion().safe().helpImpossible().events())
                .when(decide(true, true))
                .expectException(violates(CaseRule.HELP_DECISION_CONTRADICTS_AFWEGING));
    }

    @Test
    void theResponsiblePrincipalApprovesTheDecision() {
        fixture.given(History.stepsOneToThree().suspicion().unsafe().decided(true, false, Meldnorm.ACUTE_OR_STRUCTURAL_UNSAFETY).events())
                .when(new ApproveReportDecision(CASE_ID, null, PRINCIPAL, day(8), APPROVAL))
                .expectEvents(new ReportDecisionApproved(CASE_ID, SCHOOL, PUPIL, PRINCIPAL, day(8), APPROVAL, decision(true, false)));
    }

    @Test
    void theCareCoordinatorCannotApproveTheirOwnDecision() {
        fixture.given(History.stepsOneToThree().suspicion().unsafe().decided(true, false, Meldnorm.ACUTE_OR_STRUCTURAL_UNSAFETY).events())
                .when(new ApproveReportDecision(CASE_ID, null, IB, day(8), APPROVAL))
                .expectException(violates(CaseRule.ONLY_RESPONSIBLE_PRINCIPAL));
    }

    @Test
    void anotherPrincipalCannotApprove() {
        fixture.given(History.stepsOneToThree().suspicion().unsafe().decided(true, false, Meldnorm.ACUTE_OR_STRUCTURAL_UNSAFETY).events())
                .when(new ApproveReportDecision(CASE_ID, null, OTHER_PRINCIPAL, day(8), APPROVAL))
                .expectException(violates(CaseRule.ONLY_RESPONSIBLE_PRINCIPAL));
    }

    @Test
    void thereMustBeADecisionToApprove() {
        fixture.given(History.stepsOneToThree().suspicion().unsafe().events())
                .when(new ApproveReportDecision(CASE_ID, null, PRINCIPAL, day(8), APPROVAL))
                .expectException(violates(CaseRule.NO_DECISION_TO_APPROVE));
    }

    @Test
    void aReportNeedsThePrincipalsApproval() {
        fixture.given(History.stepsOneToThree().suspicion().unsafe().decided(true, false, Meldnorm.ACUTE_OR_STRUCTURAL_UNSAFETY).events())
                .when(new RecordReport(CASE_ID, null, IB, day(10), report()))
                .expectException(violates(CaseRule.PRINCIPAL_APPROVAL_REQUIRED))
                .expectNoEvents();
    }

    @Test
    void parentsAreToldOfTheReportOnlyOnceItIsApproved() {
        fixture.given(History.stepsOneToThree().suspicion().unsafe().decided(true, false, Meldnorm.ACUTE_OR_STRUCTURAL_UNSAFETY).events())
                .when(new InformParentsOfReport(CASE_ID, null, IB, day(9), reportConversation()))
                .expectException(violates(CaseRule.PRINCIPAL_APPROVAL_REQUIRED));
    }

    @Test
    void theParentsObjectionsToTheReportAreRecorded() {
        fixture.given(History.stepsOneToThree().suspicion().unsafe().decided(true, false, Meldnorm.ACUTE_OR_STRUCTURAL_UNSAFETY).approved(true, false).events())
                .when(new InformParentsOfReport(CASE_ID, null, IB, day(9), reportConversation()))
                .expectEvents(new ParentsInformedOfReport(CASE_ID, SCHOOL, PUPIL, IB, day(9), reportConversation()));
    }

    @Test
    void aReportIsNotRecordedBeforeTheParentsWereToldOrItWasRecordedWhyNot() {
        fixture.given(History.stepsOneToThree().suspicion().unsafe().decided(true, false, Meldnorm.ACUTE_OR_STRUCTURAL_UNSAFETY).approved(true, false).events())
                .when(new RecordReport(CASE_ID, null, IB, day(10), report()))
                .expectException(violates(CaseRule.PARENTS_NOT_INFORMED_OF_REPORT));
    }

    @Test
    void notTellingTheParentsOfTheReportNeedsVeiligThuisAdvice() {
        fixture.given(History.stepsOneToThree().suspicion().unsafe().decided(true, false, Meldnorm.ACUTE_OR_STRUCTURAL_UNSAFETY).approved(true, false).events())
                .when(new SkipInformingParentsOfReport(CASE_ID, null, IB, day(9), skip(ParentContactSkipReason.SAFETY_OF_REPORTER_OR_OTHERS)))
                .expectException(violates(CaseRule.VEILIG_THUIS_CONSULTATION_REQUIRED));
    }

    @Test
    void notTellingTheParentsOfTheReportIsRecordedAfterVeiligThuisAdvice() {
        fixture.given(History.stepsOneToThree().consultedVeiligThuis().suspicion().unsafe()
                        .decided(true, false, Meldnorm.ACUTE_OR_STRUCTURAL_UNSAFETY).approved(true, false).events())
                .when(new SkipInformingParentsOfReport(CASE_ID, null, IB, day(9), skip(ParentContactSkipReason.SAFETY_OF_CHILD)))
                .expectEvents(new InformingParentsOfReportSkipped(CASE_ID, SCHOOL, PUPIL, IB, day(9), skip(ParentContactSkipReason.SAFETY_OF_CHILD)));
    }

    @Test
    void theReportIsMadeInTheNameOfTheDirectie() {
        fixture.given(History.stepsOneToThree().suspicion().unsafe().decided(true, false, Meldnorm.ACUTE_OR_STRUCTURAL_UNSAFETY)
                        .approved(true, false).parentsInformedOfReport().events())
                .when(new RecordReport(CASE_ID, null, ADVISOR, day(10), report()))
                .expectEvents(new ReportRecorded(CASE_ID, SCHOOL, PUPIL, ADVISOR, day(10), report(), PRINCIPAL.personId(),
                        Meldnorm.ACUTE_OR_STRUCTURAL_UNSAFETY));
    }

    @Test
    void aDecisionNotToReportDoesNotLeadToAReport() {
        fixture.given(History.stepsOneToThree().ownHelpAgreed().events())
                .when(new RecordReport(CASE_ID, null, IB, day(10), report()))
                .expectException(violates(CaseRule.NO_REPORT_DECIDED));
    }

    @Test
    void veiligThuisFeedbackFollowsAReport() {
        fixture.given(History.stepsOneToThree().suspicion().unsafe().events())
                .when(new RecordVeiligThuisFeedback(CASE_ID, null, IB, day(14), FEEDBACK))
                .expectException(violates(CaseRule.NO_REPORT_AWAITING_FEEDBACK));
    }

    @Test
    void veiligThuisFeedbackIsRecorded() {
        fixture.given(History.stepsOneToThree().suspicion().unsafe().reportedUnder(Meldnorm.ACUTE_OR_STRUCTURAL_UNSAFETY).events())
                .when(new RecordVeiligThuisFeedback(CASE_ID, null, IB, day(14), FEEDBACK))
                .expectEvents(new VeiligThuisFeedbackRecorded(CASE_ID, SCHOOL, PUPIL, IB, day(14), FEEDBACK));
    }
}
