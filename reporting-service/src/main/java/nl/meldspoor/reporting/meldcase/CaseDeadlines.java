package nl.meldspoor.reporting.meldcase;

import java.time.LocalDate;
import java.util.List;
import nl.meldspoor.api.calendar.WorkingDays;
import nl.meldspoor.api.meldcase.Deadline;
import nl.meldspoor.api.meldcase.MeldcodeTerms;

/**
 * The open deadlines of a case from its stored progress, by the same {@link MeldcodeTerms} the case-service applies
 * to its own state.
 */
public final class CaseDeadlines {

    private final MeldcodeTerms terms;

    public CaseDeadlines(WorkingDays workingDays, int veiligThuisFeedbackDays) {
        this.terms = new MeldcodeTerms(workingDays, veiligThuisFeedbackDays);
    }

    /** The due dates of the open deadlines, for readers that count overdue ones and need nothing else of them. */
    public List<LocalDate> dues(CaseProgress progress) {
        return open(progress).stream().map(Deadline::due).toList();
    }

    List<Deadline> open(CaseProgress progress) {
        if (progress.isClosed()) {
            return List.of();
        }
        return terms.open(progress.pendingMeldnorm, progress.reportRequiredSince,
                progress.decisionTaken && !progress.decisionApproved ? progress.decidedAt : null,
                progress.reportAwaitingFeedbackSince, progress.helpActive ? progress.activeHelpTerm : null);
    }
}
