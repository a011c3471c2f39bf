package nl.meldspoor.notifications.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.meldcase.CaseOpened;
import nl.meldspoor.api.meldcase.CaseOpening;
import nl.meldspoor.api.meldcase.CaseTeam;
import nl.meldspoor.api.meldcase.MeldcodeCaseEvent;
import nl.meldspoor.api.meldcase.ReportDecided;
import nl.meldspoor.api.meldcase.ReportDecision;
import nl.meldspoor.api.meldcase.ReportDecisionSendBack;
import nl.meldspoor.api.meldcase.ReportDecisionSentBack;
import nl.meldspoor.notifications.reminder.fold.CaseFile;
import nl.meldspoor.notifications.FakeStaffDirectory;
import nl.meldspoor.notifications.TestOrganisation;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.platform.testing.history.CaseHistoryBuilder;
import org.junit.jupiter.api.Test;

/**
 * UI.md §3 flow C: a report decision that awaits the principal's approval lands in the inbox (and mail) of the school's
 * principals; a decision the principal sends back lands in the casemanager's. Recipients come from the staff directory
 * at the moment of telling.
 */
class ReportDecisionApprovalAlertsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Actor IB = new Actor("ib-a", Role.CARE_COORDINATOR);
    private static final Actor PRINCIPAL = new Actor("dir-a", Role.PRINCIPAL);
    private static final ReportDecision DECISION = new ReportDecision(true, false, "Meldnorm 1: acute onveiligheid.");
    private static final CaseOpened OPENED = new CaseOpened("case-1", "school-a", "pupil-1", IB, NOW.minusSeconds(86_400),
            new CaseOpening("school-a", "pupil-1", null, new CaseTeam(IB.personId(), "af-a", "school-b", PRINCIPAL.personId()),
                    "Zorgen.", List.of(CaseHistoryBuilder.signal("sig-1", NOW.minusSeconds(90_000)))));

    private final Messages messages = new Messages(TestOrganisation.staff());
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    private ImmediateAlerts alerts(FakeStaffDirectory directory) {
        return new ImmediateAlerts(TestOrganisation.recipients(directory, clock), messages);
    }

    private static PublishedEvent published(MeldcodeCaseEvent event, long sequence) {
        return new PublishedEvent("ev-" + sequence, event.getClass().getName(), "1", event.caseId(), sequence, event.occurredAt(), event,
                "{}");
    }

    private static CaseFile file(MeldcodeCaseEvent... events) {
        CaseFile file = new CaseFile();
        for (MeldcodeCaseEvent event : events) {
            file.apply(event);
        }
        return file;
    }

    @Test
    void aDecisionAwaitingApprovalGoesToTheCasesPrincipalOnly() {
        ReportDecided decided = new ReportDecided("case-1", "school-a", "pupil-1", IB, NOW, DECISION, null);

        List<Alert> raised = alerts(TestOrganisation.directory()).ofCase(published(decided, 1), file(OPENED, decided));

        assertThat(raised).singleElement().satisfies(alert -> {
            assertThat(alert.type()).isEqualTo(NotificationType.REPORT_DECISION_AWAITS_APPROVAL);
            assertThat(alert.recipients()).containsExactly("dir-a");
            assertThat(alert.reference()).isEqualTo("dossier case-1");
            assertThat(alert.subject()).contains("Besluit over melden wacht op goedkeuring");
            assertThat(alert.body()).contains("namens de directie").contains("stuur het met een reden terug")
                    .doesNotContain("Meldnorm 1").doesNotContain("pupil-1");
        });
    }

    @Test
    void aSecondPrincipalOfTheSchoolWhoCannotApproveIsNotAsked() {
        ReportDecided decided = new ReportDecided("case-1", "school-a", "pupil-1", IB, NOW, DECISION, null);
        FakeStaffDirectory directory = TestOrganisation.directory().grant("dir-co", Role.PRINCIPAL, "school-a");

        assertThat(alerts(directory).ofCase(published(decided, 1), file(OPENED, decided)))
                .singleElement().extracting(Alert::recipients).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.ITERABLE)
                .containsExactly("dir-a");
    }

    /** The staff directory is asked as the decision arrives: the case's principal left, so the school's principals hear of it. */
    @Test
    void whenTheCasesPrincipalLeftTheSchoolsPrincipalsAreAsked() {
        ReportDecided decided = new ReportDecided("case-1", "school-a", "pupil-1", IB, NOW, DECISION, null);
        FakeStaffDirectory directory = TestOrganisation.directory();
        directory.revoke("dir-a", Role.PRINCIPAL, "school-a");
        directory.grant("dir-new", Role.PRINCIPAL, "school-a");

        assertThat(alerts(directory).ofCase(published(decided, 1), file(OPENED, decided)))
                .singleElement().extracting(Alert::recipients).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.ITERABLE)
                .containsExactly("dir-new");
    }

    @Test
    void aDecisionOfTheCasesOwnPrincipalIsApprovedAtOnceAndTellsNobody() {
        ReportDecided decided = new ReportDecided("case-1", "school-a", "pupil-1", PRINCIPAL, NOW, DECISION, null);

        assertThat(alerts(TestOrganisation.directory()).ofCase(published(decided, 1), file(OPENED, decided))).isEmpty();
    }

    @Test
    void aDecisionSentBackTellsTheCasemanagerToTakeItAgain() {
        ReportDecided decided = new ReportDecided("case-1", "school-a", "pupil-1", IB, NOW.minusSeconds(600), DECISION, null);
        ReportDecisionSentBack sentBack = new ReportDecisionSentBack("case-1", "school-a", "pupil-1", PRINCIPAL, NOW,
                new ReportDecisionSendBack("Eerst de kindcheck afronden."), DECISION);

        List<Alert> raised = alerts(TestOrganisation.directory()).ofCase(published(sentBack, 2), file(OPENED, decided, sentBack));

        assertThat(raised).singleElement().satisfies(alert -> {
            assertThat(alert.type()).isEqualTo(NotificationType.REPORT_DECISION_SENT_BACK);
            assertThat(alert.recipients()).containsExactly("ib-a");
            assertThat(alert.subject()).contains("teruggestuurd door de directeur");
            assertThat(alert.body()).contains("neem de twee besluiten van stap 5 opnieuw").doesNotContain("kindcheck afronden");
        });
    }

    @Test
    void aDecisionSentBackGoesToThePrincipalsWhenTheCasemanagerLeft() {
        ReportDecisionSentBack sentBack = new ReportDecisionSentBack("case-1", "school-a", "pupil-1", PRINCIPAL, NOW,
                new ReportDecisionSendBack("Eerst de kindcheck afronden."), DECISION);
        FakeStaffDirectory directory = TestOrganisation.directory();
        directory.revoke("ib-a", Role.CARE_COORDINATOR, "school-a");

        assertThat(alerts(directory).ofCase(published(sentBack, 2), file(OPENED, sentBack)))
                .singleElement().extracting(Alert::recipients).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.ITERABLE)
                .containsExactly("dir-a");
    }

    @Test
    void otherCaseEventsRaiseNoApprovalAlerts() {
        assertThat(alerts(TestOrganisation.directory()).ofCase(published(OPENED, 0), file(OPENED))).isEmpty();
    }
}
