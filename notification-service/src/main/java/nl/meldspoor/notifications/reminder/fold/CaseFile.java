package nl.meldspoor.notifications.reminder.fold;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.meldspoor.api.meldcase.CaseClosed;
import nl.meldspoor.api.meldcase.CaseOpened;
import nl.meldspoor.api.meldcase.CaseReopened;
import nl.meldspoor.api.meldcase.CaseTeam;
import nl.meldspoor.api.meldcase.CaseTextErased;
import nl.meldspoor.api.meldcase.ConcernsWeighed;
import nl.meldspoor.api.meldcase.Deadline;
import nl.meldspoor.api.meldcase.HelpEvaluated;
import nl.meldspoor.api.meldcase.HelpStarted;
import nl.meldspoor.api.meldcase.MeldcodeCaseEvent;
import nl.meldspoor.api.meldcase.MeldcodeTerms;
import nl.meldspoor.api.meldcase.Meldnorm;
import nl.meldspoor.api.meldcase.ReportDecided;
import nl.meldspoor.api.meldcase.ReportDecisionApproved;
import nl.meldspoor.api.meldcase.ReportDecisionSentBack;
import nl.meldspoor.api.meldcase.ReportRecorded;
import nl.meldspoor.api.meldcase.VeiligThuisFeedbackRecorded;
import nl.meldspoor.api.meldcase.WeighingOutcome;

/**
 * The notification-service's own view of a case: only what its alerts and reminders need (who is on the case, whether
 * it is open, when it last moved and which terms of the meldcode run). The case-service keeps the full state of its
 * aggregate; this reader folds only these facts, in the same way. It is stored as it is (in the case's watch), so it
 * holds identifiers, moments and dates only — no text of the case, which stays sealed in the events.
 */
public final class CaseFile {

    private String caseId;
    private String schoolId;
    private CaseTeam team;
    private boolean closed;
    private Instant lastActivityAt;
    private Meldnorm pendingMeldnorm;
    private Instant reportRequiredSince;
    private Instant decisionAwaitingApprovalSince;
    private Instant reportAwaitingFeedbackSince;
    /** The term of the help running now, and who runs it; none when no help runs. */
    private LocalDate activeHelpTerm;
    private String activeHelpCasemanagerId;

    public void apply(MeldcodeCaseEvent event) {
        if (event instanceof CaseTextErased) {
            // erasure after retention is no activity on the case
            return;
        }
        if (event instanceof CaseOpened e) {
            caseId = e.caseId();
            schoolId = e.schoolId();
            team = e.opening().team();
            closed = false;
        } else if (event instanceof ConcernsWeighed e) {
            requireReportIf(e.outcome(), e.occurredAt());
        } else if (event instanceof ReportDecided e) {
            decisionAwaitingApprovalSince = e.occurredAt();
        } else if (event instanceof ReportDecisionSentBack || event instanceof ReportDecisionApproved) {
            decisionAwaitingApprovalSince = null;
        } else if (event instanceof ReportRecorded e) {
            reportAwaitingFeedbackSince = e.report().reportedAt();
            pendingMeldnorm = null;
            reportRequiredSince = null;
            decisionAwaitingApprovalSince = null;
        } else if (event instanceof VeiligThuisFeedbackRecorded) {
            reportAwaitingFeedbackSince = null;
        } else if (event instanceof HelpStarted e) {
            activeHelpTerm = e.plan().term();
            activeHelpCasemanagerId = e.plan().casemanagerId();
        } else if (event instanceof HelpEvaluated e) {
            activeHelpTerm = null;
            activeHelpCasemanagerId = null;
            requireReportIf(e.outcome(), e.occurredAt());
        } else if (event instanceof CaseClosed) {
            closed = true;
        } else if (event instanceof CaseReopened) {
            closed = false;
        }
        lastActivityAt = event.occurredAt();
    }

    private void requireReportIf(WeighingOutcome outcome, Instant at) {
        if (outcome.reportRequired()) {
            pendingMeldnorm = outcome.meldnorm();
            reportRequiredSince = at;
        }
    }

    /** The deadlines that run on this case by the meldcode's terms; none once it is closed. */
    public List<Deadline> openDeadlines(MeldcodeTerms terms) {
        if (closed) {
            return List.of();
        }
        return terms.open(pendingMeldnorm, reportRequiredSince, decisionAwaitingApprovalSince, reportAwaitingFeedbackSince,
                activeHelpTerm);
    }

    public String caseId() {
        return caseId;
    }

    public String schoolId() {
        return schoolId;
    }

    public CaseTeam team() {
        return team;
    }

    public boolean isClosed() {
        return closed;
    }

    public Instant lastActivityAt() {
        return lastActivityAt;
    }

    /** Who runs the help that runs now (the help plan's casemanager); empty when no help runs. */
    public Optional<String> activeHelpCasemanager() {
        return Optional.ofNullable(activeHelpCasemanagerId);
    }
}
