package nl.meldspoor.api.meldcase.state;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import nl.meldspoor.api.calendar.WorkingDays;

/**
 * The open deadlines of a case (DOMAIN.md §5): a required report is due at once, a decision awaits the
 * principal, Veilig Thuis decides within five Dutch working days after a report, help is evaluated at
 * its term.
 */
public final class Deadlines {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private final WorkingDays workingDays;
    private final int veiligThuisFeedbackDays;

    public Deadlines(WorkingDays workingDays, int veiligThuisFeedbackDays) {
        this.workingDays = workingDays;
        this.veiligThuisFeedbackDays = veiligThuisFeedbackDays;
    }

    public List<Deadline> open(CaseFile file) {
        List<Deadline> deadlines = new ArrayList<>();
        if (file.isClosed()) {
            return deadlines;
        }
        file.pendingMeldnorm().ifPresent(meldnorm -> deadlines.add(new Deadline(Deadline.REPORT_REQUIRED,
                "Direct melden bij Veilig Thuis: " + meldnorm.dutchDescription() + ".",
                local(file.reportRequiredSince().orElseThrow()))));
        file.currentDecision().filter(decision -> !decision.approved()).ifPresent(decision -> deadlines.add(new Deadline(
                Deadline.PRINCIPAL_APPROVAL, "Goedkeuring van het besluit over melden door de directeur.", local(decision.decidedAt()))));
        file.reportAwaitingFeedback().ifPresent(report -> deadlines.add(new Deadline(Deadline.VEILIG_THUIS_FEEDBACK,
                "Veilig Thuis beslist binnen " + veiligThuisFeedbackDays + " werkdagen na de melding; vraag zo nodig om schriftelijke terugkoppeling.",
                workingDays.plusWorkingDays(local(report.report().reportedAt()), veiligThuisFeedbackDays))));
        file.activeHelp().ifPresent(plan -> deadlines.add(new Deadline(Deadline.HELP_EVALUATION,
                "Evalueer de hulp op de afgesproken termijn (afweging 5: resultaat).", plan.term())));
        return deadlines;
    }

    private static LocalDate local(Instant instant) {
        return instant.atZone(AMSTERDAM).toLocalDate();
    }
}
