package nl.meldspoor.notifications.reminder;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.meldspoor.api.meldcase.CaseTeam;
import nl.meldspoor.notifications.reminder.fold.CaseFile;
import nl.meldspoor.api.meldcase.Deadline;
import nl.meldspoor.api.meldcase.MeldcodeTerms;
import nl.meldspoor.notifications.alert.NotificationType;
import nl.meldspoor.notifications.calendar.SchoolCalendar;

/**
 * The reminders an open case waits to give (DOMAIN.md §5), derived anew from its events each time one
 * arrives, so a reminder disappears as soon as what it waits for happened:
 * <ul>
 *   <li>no feedback from Veilig Thuis after the fifth Dutch working day since the report → the casemanager
 *       and the principal, the next school morning, to ask for written feedback;</li>
 *   <li>the term of the help reached → the casemanager of the help, to evaluate (afweging 5);</li>
 *   <li>no activity for a number of days → the casemanager; some days later still none → the principal.</li>
 * </ul>
 */
public class CaseReminders {

    private final MeldcodeTerms terms;
    private final SchoolCalendar calendar;
    private final int inactivityReminderDays;
    private final int inactivityEscalationDays;

    public CaseReminders(MeldcodeTerms terms, SchoolCalendar calendar, int inactivityReminderDays, int inactivityEscalationDays) {
        this.terms = terms;
        this.calendar = calendar;
        this.inactivityReminderDays = inactivityReminderDays;
        this.inactivityEscalationDays = inactivityEscalationDays;
    }

    public List<Reminder> of(CaseFile file) {
        List<Reminder> reminders = new ArrayList<>();
        if (file.isClosed() || file.team() == null) {
            return reminders;
        }
        String school = file.schoolId();
        CaseTeam team = file.team();
        for (Deadline deadline : file.openDeadlines(terms)) {
            if (Deadline.VEILIG_THUIS_FEEDBACK.equals(deadline.kind())) {
                reminders.add(new Reminder("VEILIG_THUIS_FEEDBACK:" + deadline.due(), NotificationType.VEILIG_THUIS_FEEDBACK_MISSING,
                        calendar.firstSchoolMorning(school, deadline.due().plusDays(1)),
                        people(team.casemanagerId(), team.principalId()), deadline.due()));
            } else if (Deadline.HELP_EVALUATION.equals(deadline.kind())) {
                String helpCasemanager = file.activeHelpCasemanager().orElse(team.casemanagerId());
                reminders.add(new Reminder("HELP_EVALUATION:" + deadline.due(), NotificationType.HELP_EVALUATION_DUE,
                        calendar.firstSchoolMorning(school, deadline.due()),
                        people(helpCasemanager, team.casemanagerId()), deadline.due()));
            }
        }
        LocalDate lastActive = SchoolCalendar.dayOf(file.lastActivityAt());
        String period = "INACTIVE:" + file.lastActivityAt();
        reminders.add(new Reminder(period + ":REMINDER", NotificationType.CASE_INACTIVE_REMINDER,
                calendar.firstSchoolMorning(school, lastActive.plusDays(inactivityReminderDays)),
                people(team.casemanagerId()), lastActive));
        reminders.add(new Reminder(period + ":ESCALATION", NotificationType.CASE_INACTIVE_ESCALATION,
                calendar.firstSchoolMorning(school, lastActive.plusDays(inactivityReminderDays + inactivityEscalationDays)),
                people(team.principalId()), lastActive));
        return reminders;
    }

    private static List<String> people(String... ids) {
        Set<String> unique = new LinkedHashSet<>();
        for (String id : ids) {
            if (id != null && !id.isBlank()) {
                unique.add(id);
            }
        }
        return List.copyOf(unique);
    }
}
