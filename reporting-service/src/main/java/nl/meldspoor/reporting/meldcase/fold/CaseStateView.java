package nl.meldspoor.reporting.meldcase.fold;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.meldcase.AfwegingQuestion;
import nl.meldspoor.api.meldcase.AttachedSignal;
import nl.meldspoor.api.meldcase.CaseTeam;
import nl.meldspoor.api.meldcase.Closure;
import nl.meldspoor.api.meldcase.ConsentAnswer;
import nl.meldspoor.api.meldcase.HelpEvaluation;
import nl.meldspoor.api.meldcase.HelpPlan;
import nl.meldspoor.api.meldcase.Meldnorm;
import nl.meldspoor.api.meldcase.ReportDecision;
import nl.meldspoor.api.meldcase.VeiligThuisDecision;
import nl.meldspoor.api.meldcase.WeighingAnswer;
import nl.meldspoor.platform.security.CaseAccess;

/**
 * A meldcode case as its events made it, at one moment: where it stands, what is still open in the
 * afwegingskader, the decisions with their rationale, the open deadlines and what is expected next.
 *
 * @param asOf      the moment this state describes
 * @param nextSteps in Dutch, what the meldcode expects next
 */
public record CaseStateView(
        String caseId,
        long version,
        Instant asOf,
        String schoolId,
        String pupilRef,
        String familyRef,
        CaseStatus status,
        int currentStep,
        Instant openedAt,
        Instant lastActivityAt,
        CaseTeam team,
        Set<String> teachers,
        Collection<AttachedSignal> signals,
        StepsTaken stepsTaken,
        AfwegingskaderView afwegingskader,
        ReportDecisionView reportDecision,
        List<ReportView> reports,
        HelpPlan activeHelp,
        HelpEvaluation lastHelpEvaluation,
        Closure closure,
        List<DecisionView> decisions,
        List<DeadlineView> deadlines,
        List<String> nextSteps) {

    /** What the platform's {@code CaseReaders} decide on. */
    public CaseAccess access() {
        return new CaseAccess(schoolId, teachers, team);
    }

    /** Steps 2 and 3 at a glance. */
    public record StepsTaken(int colleagueConsultations, int veiligThuisConsultations, int expertConsultations,
                             boolean childTalkedTo, boolean childConversationSkipped,
                             int parentConversations, boolean parentConversationSkipped, ConsentAnswer consent) {
    }

    /**
     * @param round           the current pass through the afwegingskader (0: not started)
     * @param nextQuestion    the question to answer next, if the afwegingskader waits for an answer
     * @param openQuestions   the questions of the current pass not yet answered, in order
     * @param reportRequired  a meldnorm applies and the report has not been made yet
     */
    public record AfwegingskaderView(int round, Map<AfwegingQuestion, WeighingAnswer> answers, AfwegingQuestion nextQuestion,
                                     List<AfwegingQuestion> openQuestions, boolean reportRequired, Meldnorm meldnorm,
                                     boolean togetherWithVeiligThuis) {
    }

    public record ReportDecisionView(ReportDecision decision, Meldnorm applicableMeldnorm, boolean approvedByPrincipal,
                                     boolean parentsInformedOrSkipped, Instant decidedAt) {
    }

    public record ReportView(Instant reportedAt, String veiligThuisReference, Meldnorm meldnorm, String onBehalfOfPrincipalId,
                             boolean reporterAnonymityRequested, VeiligThuisDecision veiligThuisDecision) {
    }

    /** A decision in the case with who took it and why. */
    public record DecisionView(Instant at, Actor by, String kind, String summary, String rationale) {
    }

    /**
     * @param kind e.g. VEILIG_THUIS_FEEDBACK, HELP_EVALUATION, REPORT_REQUIRED, PRINCIPAL_APPROVAL
     */
    public record DeadlineView(String kind, String description, LocalDate due, boolean overdue) {
    }
}
