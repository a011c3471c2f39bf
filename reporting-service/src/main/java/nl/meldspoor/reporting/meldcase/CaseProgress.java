package nl.meldspoor.reporting.meldcase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.meldspoor.api.meldcase.AfwegingQuestion;
import nl.meldspoor.api.meldcase.AttachedSignal;
import nl.meldspoor.api.meldcase.AttachedSignalCorrected;
import nl.meldspoor.api.meldcase.CaseClosed;
import nl.meldspoor.api.meldcase.CaseOpened;
import nl.meldspoor.api.meldcase.CaseReopened;
import nl.meldspoor.api.meldcase.CaseTextErased;
import nl.meldspoor.api.meldcase.ColleagueConsulted;
import nl.meldspoor.api.meldcase.ConcernsWeighed;
import nl.meldspoor.api.meldcase.ExpertConsulted;
import nl.meldspoor.api.meldcase.HelpEvaluated;
import nl.meldspoor.api.meldcase.HelpStarted;
import nl.meldspoor.api.meldcase.InformingParentsOfReportSkipped;
import nl.meldspoor.api.meldcase.MeldcodeCaseEvent;
import nl.meldspoor.api.meldcase.Meldnorm;
import nl.meldspoor.api.meldcase.ParentsInformedOfReport;
import nl.meldspoor.api.meldcase.ParentsTalkedTo;
import nl.meldspoor.api.meldcase.ReportDecided;
import nl.meldspoor.api.meldcase.ReportDecisionApproved;
import nl.meldspoor.api.meldcase.ReportDecisionSentBack;
import nl.meldspoor.api.meldcase.ReportRecorded;
import nl.meldspoor.api.meldcase.SignalAttached;
import nl.meldspoor.api.meldcase.TalkWithParentsSkipped;
import nl.meldspoor.api.meldcase.VeiligThuisConsulted;
import nl.meldspoor.api.meldcase.VeiligThuisFeedbackRecorded;
import nl.meldspoor.api.meldcase.WeighingAnswer;
import nl.meldspoor.api.meldcase.WeighingOutcome;
import nl.meldspoor.api.meldcase.MeldcodeStep;
import nl.meldspoor.api.signal.StatementKind;
import nl.meldspoor.reporting.rapportage.DocumentedCase;

/**
 * The little a case view needs to stay derivable per event: where the case stands in the afwegingskader and
 * step 5, which signals hold a fact, what was consulted and talked about — the same meaning as the case's own
 * state, without the texts. Updated from itself and one event; stored inside the case view.
 */
public class CaseProgress implements DocumentedCase {

    /** One attached signal: only whether it records a fact (step 1's documentation). */
    public record SignalMark(String signalId, boolean fact) {
    }

    String schoolId;
    String pupilRef;
    boolean closed;
    boolean started;
    int highestStep;
    Instant openedAt;
    Instant lastActivityAt;
    Instant closedAt;
    String outcome;
    List<SignalMark> signals = new ArrayList<>();
    int consultations;
    int parentConversations;
    boolean parentConversationSkipped;
    boolean kindcheck;
    int round;
    Map<String, String> answers = new LinkedHashMap<>();
    boolean outcomeRecorded;
    AfwegingQuestion outcomeNextQuestion;
    boolean togetherWithVeiligThuis;
    Meldnorm pendingMeldnorm;
    Instant reportRequiredSince;
    boolean decisionTaken;
    boolean decisionReportNecessary;
    boolean decisionApproved;
    boolean decisionParentsInformed;
    Instant decidedAt;
    boolean decisionSentBack;
    int reports;
    Instant reportAwaitingFeedbackSince;
    LocalDate activeHelpTerm;
    boolean helpActive;
    boolean helpEvaluated;

    /** Folds in the next event of the case; public so that other views (the dashboard counters) keep the same fold. */
    public void apply(MeldcodeCaseEvent event) {
        if (!started) {
            // a history that does not start with the opening (never published so) still names its school and pupil
            schoolId = event.schoolId();
            pupilRef = event.pupilRef();
            openedAt = event.occurredAt();
            started = true;
        }
        if (event instanceof CaseTextErased) {
            return;
        }
        if (event instanceof CaseOpened e) {
            schoolId = e.schoolId();
            pupilRef = e.pupilRef();
            openedAt = e.occurredAt();
            closed = false;
            // an opened case is in step 1 (the opening itself belongs to no step)
            highestStep = Math.max(highestStep, 1);
            e.opening().signals().forEach(this::put);
        } else if (event instanceof SignalAttached e) {
            put(e.signal());
        } else if (event instanceof AttachedSignalCorrected e) {
            signals.replaceAll(mark -> mark.signalId().equals(e.signalId()) ? mark(new AttachedSignal(e.signalId(), e.correctedContent())) : mark);
        } else if (event instanceof ColleagueConsulted || event instanceof VeiligThuisConsulted || event instanceof ExpertConsulted) {
            consultations++;
        } else if (event instanceof ParentsTalkedTo e) {
            parentConversations++;
            kindcheck |= e.conversation().kindcheck().performed();
        } else if (event instanceof TalkWithParentsSkipped) {
            parentConversationSkipped = true;
        } else if (event instanceof ConcernsWeighed e) {
            if (e.weighing().question() == AfwegingQuestion.VERMOEDEN) {
                round = e.round();
                answers.clear();
            }
            answers.put(e.weighing().question().name(), e.weighing().answer().name());
            outcome(e.outcome());
            requireReportIf(e.outcome(), e.occurredAt());
        } else if (event instanceof ReportDecided e) {
            decisionTaken = true;
            decisionReportNecessary = e.decision().reportNecessary();
            decisionApproved = false;
            decisionParentsInformed = false;
            decidedAt = e.occurredAt();
            decisionSentBack = false;
        } else if (event instanceof ReportDecisionSentBack) {
            decisionTaken = false;
            decisionSentBack = true;
        } else if (event instanceof ReportDecisionApproved) {
            decisionApproved = decisionTaken;
        } else if (event instanceof ParentsInformedOfReport || event instanceof InformingParentsOfReportSkipped) {
            decisionParentsInformed = decisionTaken;
        } else if (event instanceof ReportRecorded e) {
            reports++;
            reportAwaitingFeedbackSince = e.report().reportedAt();
            pendingMeldnorm = null;
            reportRequiredSince = null;
            decisionTaken = false;
            decisionApproved = false;
            decisionParentsInformed = false;
            decidedAt = null;
        } else if (event instanceof VeiligThuisFeedbackRecorded) {
            reportAwaitingFeedbackSince = null;
        } else if (event instanceof HelpStarted e) {
            helpActive = true;
            activeHelpTerm = e.plan().term();
        } else if (event instanceof HelpEvaluated e) {
            helpActive = false;
            activeHelpTerm = null;
            helpEvaluated = true;
            if (round > 0) {
                answers.put(AfwegingQuestion.RESULTAAT.name(), (e.evaluation().resultsAchieved() ? WeighingAnswer.YES : WeighingAnswer.NO).name());
            }
            outcome(e.outcome());
            requireReportIf(e.outcome(), e.occurredAt());
        } else if (event instanceof CaseClosed e) {
            closed = true;
            closedAt = e.occurredAt();
            outcome = e.closure().outcome().name();
        } else if (event instanceof CaseReopened e) {
            closed = false;
            closedAt = null;
            outcome = null;
            e.reopening().newSignals().forEach(this::put);
        }
        highestStep = Math.max(highestStep, MeldcodeStep.of(event));
        lastActivityAt = event.occurredAt();
    }

    private void put(AttachedSignal signal) {
        SignalMark mark = mark(signal);
        for (int i = 0; i < signals.size(); i++) {
            if (signals.get(i).signalId().equals(signal.signalId())) {
                signals.set(i, mark);
                return;
            }
        }
        signals.add(mark);
    }

    private static SignalMark mark(AttachedSignal signal) {
        return new SignalMark(signal.signalId(), signal.content().statements().stream().anyMatch(statement -> statement.kind() == StatementKind.FACT));
    }

    private void outcome(WeighingOutcome outcome) {
        outcomeRecorded = outcome != null;
        outcomeNextQuestion = outcome == null ? null : outcome.nextQuestion();
        togetherWithVeiligThuis = outcome != null && outcome.togetherWithVeiligThuis();
    }

    private void requireReportIf(WeighingOutcome outcome, Instant at) {
        if (outcome.reportRequired()) {
            pendingMeldnorm = outcome.meldnorm();
            reportRequiredSince = at;
        }
    }

    /**
     * Drops the pupil's reference, for a view that must hold no pupil-level data (the dashboard counters): nothing in
     * the fold depends on it.
     */
    public void forgetPupil() {
        pupilRef = null;
    }

    public String schoolId() {
        return schoolId;
    }

    public Instant openedAt() {
        return openedAt;
    }

    /** When the case was closed without suspicion of abuse, while it stays so closed; otherwise null. */
    public Instant closedWithoutSuspicion() {
        return closed && "NO_SUSPICION".equals(outcome) ? closedAt : null;
    }

    @Override
    public boolean signalsHoldAFact() {
        return signals.stream().anyMatch(SignalMark::fact);
    }

    @Override
    public boolean consulted() {
        return consultations > 0;
    }

    @Override
    public int currentStep() {
        return highestStep;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public boolean parentsTalkedToOrSkipped() {
        return parentConversations > 0 || parentConversationSkipped;
    }

    @Override
    public int parentConversations() {
        return parentConversations;
    }

    @Override
    public boolean kindcheckPerformed() {
        return kindcheck;
    }

    @Override
    public boolean afwegingskaderStarted() {
        return round > 0;
    }

    @Override
    public Optional<AfwegingQuestion> nextQuestion() {
        if (round <= 0) {
            return Optional.of(AfwegingQuestion.VERMOEDEN);
        }
        return Optional.ofNullable(outcomeRecorded ? outcomeNextQuestion : null);
    }

    @Override
    public boolean answeredWith(AfwegingQuestion question, WeighingAnswer answer) {
        return answer.name().equals(answers.get(question.name()));
    }

    @Override
    public boolean togetherWithVeiligThuis() {
        return togetherWithVeiligThuis;
    }

    @Override
    public boolean anyReport() {
        return reports > 0;
    }

    @Override
    public boolean decisionTaken() {
        return decisionTaken;
    }

    @Override
    public boolean decisionApproved() {
        return decisionApproved;
    }

    @Override
    public boolean decisionReportNecessary() {
        return decisionReportNecessary;
    }

    @Override
    public boolean decisionParentsInformedOrSkipped() {
        return decisionParentsInformed;
    }

    @Override
    public boolean decisionSentBack() {
        return decisionSentBack;
    }

    @Override
    public Optional<Meldnorm> pendingMeldnorm() {
        return Optional.ofNullable(pendingMeldnorm);
    }

    @Override
    public boolean helpActive() {
        return helpActive;
    }

    @Override
    public boolean helpEvaluated() {
        return helpEvaluated;
    }

    @Override
    public boolean reportAwaitingFeedback() {
        return reportAwaitingFeedbackSince != null;
    }
}
