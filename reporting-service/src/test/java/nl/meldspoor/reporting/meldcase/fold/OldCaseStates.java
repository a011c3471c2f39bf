package nl.meldspoor.reporting.meldcase.fold;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.meldspoor.api.calendar.WorkingDays;
import nl.meldspoor.api.meldcase.AfwegingQuestion;
import nl.meldspoor.api.meldcase.CaseClosed;
import nl.meldspoor.api.meldcase.ConcernsWeighed;
import nl.meldspoor.api.meldcase.HelpEvaluated;
import nl.meldspoor.api.meldcase.MeldcodeCaseEvent;
import nl.meldspoor.api.meldcase.MeldcodeTerms;
import nl.meldspoor.api.meldcase.RecordedCaseEvent;
import nl.meldspoor.api.meldcase.ReportDecided;
import nl.meldspoor.api.meldcase.ReportDecisionApproved;
import nl.meldspoor.api.meldcase.ReportDecisionSentBack;
import nl.meldspoor.api.meldcase.ReportRecorded;
import nl.meldspoor.api.meldcase.VeiligThuisFeedbackRecorded;
import nl.meldspoor.api.meldcase.WeighingAnswer;
import nl.meldspoor.reporting.meldcase.fold.CaseStateView.AfwegingskaderView;
import nl.meldspoor.reporting.meldcase.fold.CaseStateView.DecisionView;
import nl.meldspoor.reporting.meldcase.fold.CaseStateView.ReportDecisionView;
import nl.meldspoor.reporting.meldcase.fold.CaseStateView.ReportView;
import nl.meldspoor.reporting.meldcase.fold.CaseStateView.StepsTaken;

/**
 * THE OLD COMPUTATION, kept only as the reference of the tests: the state of a case folded from its whole history on
 * every request, as the dossier and the rapportage did before the read model stored the dossier per event. Derives a
 * case's state from its published events for the dossier and the rapportage. The reporting-service's own
 * fold: the case-service keeps its aggregate's state to itself, and this one reads the same facts the same way (the
 * terms of the meldcode come from {@code MeldcodeTerms} and the steps from {@code MeldcodeStep} in api, so the two
 * cannot drift on those).
 */
public final class OldCaseStates {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private final Deadlines deadlines;

    public OldCaseStates(WorkingDays workingDays, int veiligThuisFeedbackDays) {
        this.deadlines = new Deadlines(new MeldcodeTerms(workingDays, veiligThuisFeedbackDays));
    }

    /**
     * @param reference the moment the state describes; deadlines before it are overdue
     */
    public CaseStateView view(List<RecordedCaseEvent> events, Instant reference) {
        CaseFile file = new CaseFile();
        events.forEach(recorded -> file.apply(recorded.event()));
        java.time.LocalDate today = reference.atZone(AMSTERDAM).toLocalDate();
        return new CaseStateView(
                file.caseId(),
                events.get(events.size() - 1).sequence(),
                reference,
                file.schoolId(),
                file.pupilRef(),
                file.familyRef(),
                file.status(),
                file.currentStep(),
                file.openedAt(),
                file.lastActivityAt(),
                file.team(),
                file.teachers(),
                file.signals(),
                new StepsTaken(file.colleagueConsultations(), file.veiligThuisConsultations(), file.expertConsultations(),
                        file.childTalkedTo(), file.childConversationSkipped(), file.parentConversations(),
                        file.parentConversationSkipped(), file.consent().orElse(null)),
                afwegingskader(file),
                file.currentDecision().map(d -> new ReportDecisionView(d.decision(), d.applicableMeldnorm(), d.approved(),
                        d.parentsInformedOrSkipped(), d.decidedAt())).orElse(null),
                reports(events),
                file.activeHelp().orElse(null),
                file.lastHelpEvaluation().orElse(null),
                file.closure().orElse(null),
                decisions(events),
                deadlines.open(file).stream().map(deadline -> new CaseStateView.DeadlineView(deadline.kind(), deadline.description(), deadline.due(), deadline.overdueOn(today))).toList(),
                NextSteps.of(file));
    }

    private static AfwegingskaderView afwegingskader(CaseFile file) {
        AfwegingskaderProgress progress = file.afwegingskader();
        AfwegingQuestion next = file.isClosed() ? null : progress.nextQuestion().orElse(null);
        List<AfwegingQuestion> open = next == null ? List.of() : Arrays.stream(AfwegingQuestion.values())
                .filter(question -> question.ordinal() >= next.ordinal())
                .toList();
        return new AfwegingskaderView(progress.round(), progress.answers(), next, open,
                file.pendingMeldnorm().isPresent(), file.pendingMeldnorm().orElse(null), progress.togetherWithVeiligThuis());
    }

    private static List<ReportView> reports(List<RecordedCaseEvent> events) {
        List<ReportView> reports = new ArrayList<>();
        for (RecordedCaseEvent recorded : events) {
            if (recorded.event() instanceof ReportRecorded e) {
                reports.add(new ReportView(e.report().reportedAt(), e.report().veiligThuisReference(), e.meldnorm(),
                        e.onBehalfOfPrincipalId(), e.report().reporterAnonymityRequested(), null));
            } else if (recorded.event() instanceof VeiligThuisFeedbackRecorded e && !reports.isEmpty()) {
                ReportView last = reports.remove(reports.size() - 1);
                reports.add(new ReportView(last.reportedAt(), last.veiligThuisReference(), last.meldnorm(), last.onBehalfOfPrincipalId(),
                        last.reporterAnonymityRequested(), e.feedback().decision()));
            }
        }
        return reports;
    }

    private static List<DecisionView> decisions(List<RecordedCaseEvent> events) {
        List<DecisionView> decisions = new ArrayList<>();
        for (RecordedCaseEvent recorded : events) {
            MeldcodeCaseEvent event = recorded.event();
            String rationale = null;
            if (event instanceof ConcernsWeighed e) {
                rationale = e.weighing().rationale();
            } else if (event instanceof ReportDecided e) {
                rationale = e.decision().rationale();
            } else if (event instanceof ReportDecisionApproved e) {
                rationale = e.approval().remarks();
            } else if (event instanceof ReportDecisionSentBack e) {
                rationale = e.sendBack().reason();
            } else if (event instanceof HelpEvaluated e) {
                rationale = e.evaluation().evaluation();
            } else if (event instanceof CaseClosed e) {
                rationale = e.closure().conclusion();
            } else {
                continue;
            }
            decisions.add(new DecisionView(event.occurredAt(), event.actor(), event.getClass().getSimpleName(),
                    CaseEventSummaries.summarize(event), rationale));
        }
        return decisions;
    }

    /** True when the answer to the question in the current pass is the given one. */
    static boolean unusedAnswered(CaseFile file, AfwegingQuestion question, WeighingAnswer answer) {
        return file.afwegingskader().answeredWith(question, answer);
    }
}
