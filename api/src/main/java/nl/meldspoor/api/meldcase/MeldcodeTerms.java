package nl.meldspoor.api.meldcase;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import nl.meldspoor.api.calendar.WorkingDays;

/**
 * The terms of the meldcode (DOMAIN.md §5) as one value: a required report is due at once, a decision awaits the
 * principal, Veilig Thuis decides within {@code veiligThuisFeedbackDays} Dutch working days after a report, help is
 * evaluated at its term. The case-service, the reporting-service and the notification-service each keep their own
 * view of a case; the terms, their numbers and their Dutch wording live here once so the three never disagree.
 */
public record MeldcodeTerms(WorkingDays workingDays, int veiligThuisFeedbackDays) {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    /**
     * The open deadlines of an open case, from what its reader knows of it; {@code null} where a term does not run.
     *
     * @param pendingMeldnorm             the meldnorm that requires a report not yet made
     * @param reportRequiredSince         when that report became required
     * @param decisionAwaitingApproval    when a decision the principal has not yet approved was taken
     * @param reportAwaitingFeedbackSince when the report Veilig Thuis has not yet answered was made
     * @param activeHelpTerm              the evaluation term of the help that runs
     */
    public List<Deadline> open(Meldnorm pendingMeldnorm, Instant reportRequiredSince, Instant decisionAwaitingApproval,
                               Instant reportAwaitingFeedbackSince, LocalDate activeHelpTerm) {
        List<Deadline> deadlines = new ArrayList<>();
        if (pendingMeldnorm != null) {
            deadlines.add(new Deadline(Deadline.REPORT_REQUIRED, "Direct melden bij Veilig Thuis: " + pendingMeldnorm.dutchDescription() + ".",
                    local(reportRequiredSince)));
        }
        if (decisionAwaitingApproval != null) {
            deadlines.add(new Deadline(Deadline.PRINCIPAL_APPROVAL, "Goedkeuring van het besluit over melden door de directeur.",
                    local(decisionAwaitingApproval)));
        }
        if (reportAwaitingFeedbackSince != null) {
            deadlines.add(new Deadline(Deadline.VEILIG_THUIS_FEEDBACK,
                    "Veilig Thuis beslist binnen " + veiligThuisFeedbackDays + " werkdagen na de melding; vraag zo nodig om schriftelijke terugkoppeling.",
                    workingDays.plusWorkingDays(local(reportAwaitingFeedbackSince), veiligThuisFeedbackDays)));
        }
        if (activeHelpTerm != null) {
            deadlines.add(new Deadline(Deadline.HELP_EVALUATION, "Evalueer de hulp op de afgesproken termijn (afweging 5: resultaat).", activeHelpTerm));
        }
        return deadlines;
    }

    private static LocalDate local(Instant instant) {
        return instant.atZone(AMSTERDAM).toLocalDate();
    }
}
