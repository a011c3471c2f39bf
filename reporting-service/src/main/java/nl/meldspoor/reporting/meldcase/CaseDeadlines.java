package nl.meldspoor.reporting.meldcase;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import nl.meldspoor.api.calendar.WorkingDays;
import nl.meldspoor.api.meldcase.state.Deadline;

/**
 * The open deadlines of a case from its stored progress (DOMAIN.md §5), the same as the case's own: a required
 * report is due at once, a decision awaits the principal, Veilig Thuis decides within the feedback days after a
 * report, help is evaluated at its term.
 */
public final class CaseDeadlines {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private final WorkingDays workingDays;
    private final int veiligThuisFeedbackDays;

    public CaseDeadlines(WorkingDays workingDays, int veiligThuisFeedbackDays) {
        this.workingDays = workingDays;
        this.veiligThuisFeedbackDays = veiligThuisFeedbackDays;
    }

    /** The due dates of the open deadlines, for readers that count overdue ones and need nothing else of them. */
    public List<LocalDate> dues(CaseProgress progress) {
        return open(progress).stream().map(Deadline::due).toList();
    }

    List<Deadline> open(CaseProgress progress) {
        List<Deadline> deadlines = new ArrayList<>();
        if (progress.isClosed()) {
            return deadlines;
        }
        if (progress.pendingMeldnorm != null) {
            deadlines.add(new Deadline(Deadline.REPORT_REQUIRED, "Direct melden bij Veilig Thuis: " + progress.pendingMeldnorm.dutchDescription() + ".",
                    local(progress.reportRequiredSince)));
        }
        if (progress.decisionTaken && !progress.decisionApproved) {
            deadlines.add(new Deadline(Deadline.PRINCIPAL_APPROVAL, "Goedkeuring van het besluit over melden door de directeur.", local(progress.decidedAt)));
        }
        if (progress.reportAwaitingFeedbackSince != null) {
            deadlines.add(new Deadline(Deadline.VEILIG_THUIS_FEEDBACK,
                    "Veilig Thuis beslist binnen " + veiligThuisFeedbackDays + " werkdagen na de melding; vraag zo nodig om schriftelijke terugkoppeling.",
                    workingDays.plusWorkingDays(local(progress.reportAwaitingFeedbackSince), veiligThuisFeedbackDays)));
        }
        if (progress.helpActive) {
            deadlines.add(new Deadline(Deadline.HELP_EVALUATION, "Evalueer de hulp op de afgesproken termijn (afweging 5: resultaat).", progress.activeHelpTerm));
        }
        return deadlines;
    }

    private static LocalDate local(Instant instant) {
        return instant.atZone(AMSTERDAM).toLocalDate();
    }
}
