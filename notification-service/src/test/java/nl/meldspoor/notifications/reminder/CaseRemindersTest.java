package nl.meldspoor.notifications.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.meldspoor.api.calendar.WorkingDays;
import nl.meldspoor.api.meldcase.MeldcodeTerms;
import nl.meldspoor.api.meldcase.CaseOutcome;
import nl.meldspoor.notifications.reminder.fold.CaseFile;
import nl.meldspoor.notifications.TestOrganisation;
import nl.meldspoor.notifications.alert.NotificationType;
import nl.meldspoor.platform.testing.history.CaseHistoryBuilder;
import org.junit.jupiter.api.Test;

class CaseRemindersTest {

    private final CaseReminders reminders = new CaseReminders(new MeldcodeTerms(WorkingDays.dutch(), 5), TestOrganisation.calendar(), 14, 7);

    private List<Reminder> of(CaseHistoryBuilder history) {
        CaseFile file = new CaseFile();
        history.events().forEach(file::apply);
        return reminders.of(file);
    }

    private static List<Reminder> ofType(List<Reminder> reminders, NotificationType type) {
        return reminders.stream().filter(reminder -> reminder.type() == type).toList();
    }

    /** Opened on Thursday 16 April 2026, reported a week later, on Thursday 23 April. */
    private static CaseHistoryBuilder reportedOn23April() {
        return CaseHistoryBuilder.openedAt("school-a", Instant.parse("2026-04-16T10:00:00Z"))
                .consultedColleague().talkedToParents(true).suspicionAndUnsafety().reported();
    }

    @Test
    void withoutFeedbackFromVeiligThuisTheCaseRemindsAfterTheFifthWorkingDayOnTheNextSchoolMorning() {
        // Working days after Thursday 23 April: 24, (27 King's Day), 28, 29, 30 April, 1 May → due Friday 1 May,
        // counted through the May holiday; the reminder for staff waits for Monday 4 May (05-05 is no day off in 2026).
        List<Reminder> feedback = ofType(of(reportedOn23April()), NotificationType.VEILIG_THUIS_FEEDBACK_MISSING);

        assertThat(feedback).singleElement().satisfies(reminder -> {
            assertThat(reminder.due()).isEqualTo(LocalDate.parse("2026-05-01"));
            assertThat(reminder.dueAt()).isEqualTo(Instant.parse("2026-05-04T06:00:00Z"));
            assertThat(reminder.recipients()).containsExactly(CaseHistoryBuilder.IB.personId(), CaseHistoryBuilder.PRINCIPAL.personId());
        });
    }

    @Test
    void feedbackRecordedBeforeTheDeadlineRemovesTheReminder() {
        assertThat(ofType(of(reportedOn23April().feedback()), NotificationType.VEILIG_THUIS_FEEDBACK_MISSING)).isEmpty();
    }

    @Test
    void helpReachingItsTermDuringTheAutumnHolidayIsEvaluatedOnTheFirstSchoolMorningAfterIt() {
        // help starts 18 September 2026 with a term of 30 days: Sunday 18 October, in the northern autumn holiday
        CaseHistoryBuilder history = CaseHistoryBuilder.openedAt("school-a", Instant.parse("2026-09-16T10:00:00Z"))
                .consultedColleague().talkedToParents(true).helpStarted();

        assertThat(ofType(of(history), NotificationType.HELP_EVALUATION_DUE)).singleElement().satisfies(reminder -> {
            assertThat(reminder.due()).isEqualTo(LocalDate.parse("2026-10-18"));
            assertThat(reminder.dueAt()).isEqualTo(Instant.parse("2026-10-26T07:00:00Z"));
            assertThat(reminder.recipients()).containsExactly(CaseHistoryBuilder.IB.personId());
        });
    }

    @Test
    void anInactiveCaseRemindsTheCasemanagerAndThenThePrincipal() {
        // last activity Friday 4 December 2026: +14 days is Friday 18 December, +21 is Christmas, in the holiday
        List<Reminder> all = of(CaseHistoryBuilder.openedAt("school-a", Instant.parse("2026-12-04T09:00:00Z")));

        assertThat(ofType(all, NotificationType.CASE_INACTIVE_REMINDER)).singleElement().satisfies(reminder -> {
            assertThat(reminder.dueAt()).isEqualTo(Instant.parse("2026-12-18T07:00:00Z"));
            assertThat(reminder.recipients()).containsExactly(CaseHistoryBuilder.IB.personId());
        });
        assertThat(ofType(all, NotificationType.CASE_INACTIVE_ESCALATION)).singleElement().satisfies(reminder -> {
            assertThat(reminder.dueAt()).isEqualTo(Instant.parse("2027-01-04T07:00:00Z"));
            assertThat(reminder.recipients()).containsExactly(CaseHistoryBuilder.PRINCIPAL.personId());
        });
    }

    @Test
    void newActivityStartsANewPeriodOfInactivity() {
        CaseHistoryBuilder history = CaseHistoryBuilder.openedAt("school-a", Instant.parse("2026-11-02T09:00:00Z"));
        String before = ofType(of(history), NotificationType.CASE_INACTIVE_REMINDER).get(0).key();

        String after = ofType(of(history.consultedColleague()), NotificationType.CASE_INACTIVE_REMINDER).get(0).key();

        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void aClosedCaseRemindsOfNothing() {
        assertThat(of(reportedOn23April().feedback().closed(CaseOutcome.REPORTED_AND_HANDED_OVER))).isEmpty();
    }
}
