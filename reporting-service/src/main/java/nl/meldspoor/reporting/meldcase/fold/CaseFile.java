package nl.meldspoor.reporting.meldcase.fold;

import nl.meldspoor.api.meldcase.MeldcodeStep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.meldspoor.api.meldcase.AttachedSignal;
import nl.meldspoor.api.meldcase.AttachedSignalCorrected;
import nl.meldspoor.api.meldcase.CaseClosed;
import nl.meldspoor.api.meldcase.CaseOpened;
import nl.meldspoor.api.meldcase.CaseReopened;
import nl.meldspoor.api.meldcase.CaseTextErased;
import nl.meldspoor.api.meldcase.CaseTeam;
import nl.meldspoor.api.meldcase.ChildTalkedTo;
import nl.meldspoor.api.meldcase.Closure;
import nl.meldspoor.api.meldcase.ColleagueConsulted;
import nl.meldspoor.api.meldcase.ConcernsWeighed;
import nl.meldspoor.api.meldcase.ConsentAnswer;
import nl.meldspoor.api.meldcase.ConsentRecorded;
import nl.meldspoor.api.meldcase.ExpertConsulted;
import nl.meldspoor.api.meldcase.HelpEvaluated;
import nl.meldspoor.api.meldcase.HelpEvaluation;
import nl.meldspoor.api.meldcase.HelpPlan;
import nl.meldspoor.api.meldcase.HelpStarted;
import nl.meldspoor.api.meldcase.InformingParentsOfReportSkipped;
import nl.meldspoor.api.meldcase.MeldcodeCaseEvent;
import nl.meldspoor.api.meldcase.Meldnorm;
import nl.meldspoor.api.meldcase.ParentsInformedOfReport;
import nl.meldspoor.api.meldcase.ParentsTalkedTo;
import nl.meldspoor.api.meldcase.ReportDecided;
import nl.meldspoor.api.meldcase.ReportDecision;
import nl.meldspoor.api.meldcase.ReportDecisionApproved;
import nl.meldspoor.api.meldcase.ReportDecisionSentBack;
import nl.meldspoor.api.meldcase.ReportRecorded;
import nl.meldspoor.api.meldcase.SignalAttached;
import nl.meldspoor.api.meldcase.TalkWithChildSkipped;
import nl.meldspoor.api.meldcase.TalkWithParentsSkipped;
import nl.meldspoor.api.meldcase.TeacherInvolved;
import nl.meldspoor.api.meldcase.VeiligThuisConsulted;
import nl.meldspoor.api.meldcase.VeiligThuisFeedbackRecorded;
import nl.meldspoor.api.meldcase.WeighingOutcome;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;

/**
 * The state of a meldcode case as its published events made it, as the reporting-service reads it: the dossier views
 * and the rapportage read it to show where a case stands — now or at any moment in the past.
 *
 * <p>Stored as JSON inside the case's view ({@link CaseDossier}), field by field: the collections are declared with
 * their concrete types so that a stored file reads back with the same order (teachers, signals) as the one folded.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE,
        setterVisibility = Visibility.NONE)
public final class CaseFile {

    /** The latest step-5 decision: approved or not, and whether the parents were told of an intended report. Cleared by the report. */
    public record ReportDecisionState(ReportDecision decision, Meldnorm applicableMeldnorm, boolean approved,
                                  boolean parentsInformedOrSkipped, Instant decidedAt) {
    }

    private String caseId;
    private String schoolId;
    private String pupilRef;
    private String familyRef;
    private CaseTeam team;
    private CaseStatus status;
    private Instant openedAt;
    private Instant lastActivityAt;
    private int highestStep;
    private LinkedHashSet<String> teachers = new LinkedHashSet<>();
    private LinkedHashMap<String, AttachedSignal> signals = new LinkedHashMap<>();
    private int colleagueConsultations;
    private int veiligThuisConsultations;
    private int expertConsultations;
    private boolean childTalkedTo;
    private boolean childConversationSkipped;
    private int parentConversations;
    private boolean parentConversationSkipped;
    private ConsentAnswer consent;
    private AfwegingskaderProgress afwegingskader = new AfwegingskaderProgress();
    private Meldnorm pendingMeldnorm;
    private Instant reportRequiredSince;
    private ReportDecisionState currentDecision;
    private ReportDecisionSentBack lastSentBack;
    private ArrayList<ReportRecorded> reports = new ArrayList<>();
    private ReportRecorded reportAwaitingFeedback;
    private HelpPlan activeHelp;
    private HelpEvaluation lastHelpEvaluation;
    private Closure closure;
    private Instant closedAt;
    private boolean textErased;

    public void apply(MeldcodeCaseEvent event) {
        if (event instanceof CaseTextErased) {
            textErased = true;
            return;
        }
        if (event instanceof CaseOpened e) {
            on(e);
        } else if (event instanceof SignalAttached e) {
            signals.put(e.signal().signalId(), e.signal());
        } else if (event instanceof AttachedSignalCorrected e) {
            signals.computeIfPresent(e.signalId(), (id, signal) -> new AttachedSignal(id, e.correctedContent()));
        } else if (event instanceof TeacherInvolved e) {
            teachers.add(e.teacherId());
        } else if (event instanceof ColleagueConsulted) {
            colleagueConsultations++;
        } else if (event instanceof VeiligThuisConsulted) {
            veiligThuisConsultations++;
        } else if (event instanceof ExpertConsulted) {
            expertConsultations++;
        } else if (event instanceof ChildTalkedTo) {
            childTalkedTo = true;
        } else if (event instanceof TalkWithChildSkipped) {
            childConversationSkipped = true;
        } else if (event instanceof ParentsTalkedTo) {
            parentConversations++;
        } else if (event instanceof TalkWithParentsSkipped) {
            parentConversationSkipped = true;
        } else if (event instanceof ConsentRecorded e) {
            consent = e.consent().answer();
        } else if (event instanceof ConcernsWeighed e) {
            afwegingskader.record(e);
            requireReportIf(e.outcome(), e.occurredAt());
        } else if (event instanceof ReportDecided e) {
            currentDecision = new ReportDecisionState(e.decision(), e.applicableMeldnorm(), false, false, e.occurredAt());
            lastSentBack = null;
        } else if (event instanceof ReportDecisionSentBack e) {
            // the decision no longer stands: step 5 is decided again
            currentDecision = null;
            lastSentBack = e;
        } else if (event instanceof ReportDecisionApproved) {
            currentDecision = new ReportDecisionState(currentDecision.decision(), currentDecision.applicableMeldnorm(), true,
                    currentDecision.parentsInformedOrSkipped(), currentDecision.decidedAt());
        } else if (event instanceof ParentsInformedOfReport || event instanceof InformingParentsOfReportSkipped) {
            currentDecision = new ReportDecisionState(currentDecision.decision(), currentDecision.applicableMeldnorm(),
                    currentDecision.approved(), true, currentDecision.decidedAt());
        } else if (event instanceof ReportRecorded e) {
            reports.add(e);
            reportAwaitingFeedback = e;
            pendingMeldnorm = null;
            reportRequiredSince = null;
            currentDecision = null;
        } else if (event instanceof VeiligThuisFeedbackRecorded) {
            reportAwaitingFeedback = null;
        } else if (event instanceof HelpStarted e) {
            activeHelp = e.plan();
        } else if (event instanceof HelpEvaluated e) {
            activeHelp = null;
            lastHelpEvaluation = e.evaluation();
            afwegingskader.record(e);
            requireReportIf(e.outcome(), e.occurredAt());
        } else if (event instanceof CaseClosed e) {
            status = CaseStatus.CLOSED;
            closure = e.closure();
            closedAt = e.occurredAt();
        } else if (event instanceof CaseReopened e) {
            status = CaseStatus.OPEN;
            closure = null;
            closedAt = null;
            e.reopening().newSignals().forEach(signal -> signals.put(signal.signalId(), signal));
        }
        highestStep = Math.max(highestStep, MeldcodeStep.of(event));
        lastActivityAt = event.occurredAt();
    }

    private void on(CaseOpened event) {
        caseId = event.caseId();
        schoolId = event.schoolId();
        pupilRef = event.pupilRef();
        familyRef = event.opening().familyRef();
        team = event.opening().team();
        status = CaseStatus.OPEN;
        openedAt = event.occurredAt();
        event.opening().signals().forEach(signal -> signals.put(signal.signalId(), signal));
        highestStep = 1;
    }

    private void requireReportIf(WeighingOutcome outcome, Instant at) {
        if (outcome.reportRequired()) {
            pendingMeldnorm = outcome.meldnorm();
            reportRequiredSince = at;
        }
    }

    public String caseId() {
        return caseId;
    }

    public String schoolId() {
        return schoolId;
    }

    public String pupilRef() {
        return pupilRef;
    }

    public String familyRef() {
        return familyRef;
    }

    public CaseTeam team() {
        return team;
    }

    public CaseStatus status() {
        return status;
    }

    /** When the case was closed, the start of its retention period; empty while it is open. */
    public Optional<Instant> closedAt() {
        return Optional.ofNullable(closedAt);
    }

    /** Whether the case's free text was erased after its retention period. */
    public boolean isTextErased() {
        return textErased;
    }

    public boolean isClosed() {
        return status == CaseStatus.CLOSED;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Instant lastActivityAt() {
        return lastActivityAt;
    }

    /** The furthest step of the meldcode the case has reached (1 to 5). */
    public int currentStep() {
        return highestStep;
    }

    public Set<String> teachers() {
        return Collections.unmodifiableSet(teachers);
    }

    public Collection<AttachedSignal> signals() {
        return Collections.unmodifiableCollection(signals.values());
    }

    public Optional<AttachedSignal> signal(String signalId) {
        return Optional.ofNullable(signals.get(signalId));
    }

    public boolean holdsUrgentSignal() {
        return signals.values().stream().anyMatch(signal -> signal.content().isUrgent());
    }

    public int colleagueConsultations() {
        return colleagueConsultations;
    }

    public int veiligThuisConsultations() {
        return veiligThuisConsultations;
    }

    public int expertConsultations() {
        return expertConsultations;
    }

    public boolean consulted() {
        return colleagueConsultations + veiligThuisConsultations + expertConsultations > 0;
    }

    public boolean veiligThuisConsulted() {
        return veiligThuisConsultations > 0;
    }

    public boolean childTalkedTo() {
        return childTalkedTo;
    }

    public boolean childConversationSkipped() {
        return childConversationSkipped;
    }

    public int parentConversations() {
        return parentConversations;
    }

    public boolean parentConversationSkipped() {
        return parentConversationSkipped;
    }

    /** Step 3 is done when the parents were talked to or it was recorded why not. */
    public boolean parentsTalkedToOrSkipped() {
        return parentConversations > 0 || parentConversationSkipped;
    }

    public Optional<ConsentAnswer> consent() {
        return Optional.ofNullable(consent);
    }

    public AfwegingskaderProgress afwegingskader() {
        return afwegingskader;
    }

    /** The meldnorm that requires a report which has not been made yet. */
    public Optional<Meldnorm> pendingMeldnorm() {
        return Optional.ofNullable(pendingMeldnorm);
    }

    /** Since when a report has been required without being made. */
    public Optional<Instant> reportRequiredSince() {
        return Optional.ofNullable(reportRequiredSince);
    }

    /** The principal's sending back of the last decision, as long as no new decision was taken. */
    public Optional<ReportDecisionSentBack> decisionSentBack() {
        return Optional.ofNullable(lastSentBack);
    }

    public Optional<ReportDecisionState> currentDecision() {
        return Optional.ofNullable(currentDecision);
    }

    public List<ReportRecorded> reports() {
        return Collections.unmodifiableList(reports);
    }

    public Optional<ReportRecorded> reportAwaitingFeedback() {
        return Optional.ofNullable(reportAwaitingFeedback);
    }

    public Optional<HelpPlan> activeHelp() {
        return Optional.ofNullable(activeHelp);
    }

    public Optional<HelpEvaluation> lastHelpEvaluation() {
        return Optional.ofNullable(lastHelpEvaluation);
    }

    public Optional<Closure> closure() {
        return Optional.ofNullable(closure);
    }
}
