package nl.meldspoor.reporting.meldcase.fold;

import java.util.List;
import nl.meldspoor.api.meldcase.Deadline;
import nl.meldspoor.api.meldcase.MeldcodeTerms;

/** The open deadlines of a case as its {@link CaseFile} stands, by the meldcode's terms. */
public final class Deadlines {

    private final MeldcodeTerms terms;

    public Deadlines(MeldcodeTerms terms) {
        this.terms = terms;
    }

    public List<Deadline> open(CaseFile file) {
        if (file.isClosed()) {
            return List.of();
        }
        return terms.open(file.pendingMeldnorm().orElse(null), file.reportRequiredSince().orElse(null),
                file.currentDecision().filter(decision -> !decision.approved()).map(CaseFile.ReportDecisionState::decidedAt).orElse(null),
                file.reportAwaitingFeedback().map(report -> report.report().reportedAt()).orElse(null),
                file.activeHelp().map(plan -> plan.term()).orElse(null));
    }
}
