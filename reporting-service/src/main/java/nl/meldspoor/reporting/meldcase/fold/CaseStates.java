package nl.meldspoor.reporting.meldcase.fold;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import nl.meldspoor.api.calendar.WorkingDays;
import nl.meldspoor.api.meldcase.AfwegingQuestion;
import nl.meldspoor.api.meldcase.MeldcodeTerms;
import nl.meldspoor.api.meldcase.WeighingAnswer;
import nl.meldspoor.reporting.meldcase.fold.CaseStateView.AfwegingskaderView;
import nl.meldspoor.reporting.meldcase.fold.CaseStateView.ReportDecisionView;
import nl.meldspoor.reporting.meldcase.fold.CaseStateView.StepsTaken;

/**
 * Turns a case's stored {@link CaseDossier} into its state at a moment, for the dossier and the rapportage. The reporting-service's own
 * fold: the case-service keeps its aggregate's state to itself, and this one reads the same facts the same way (the
 * terms of the meldcode come from {@code MeldcodeTerms} and the steps from {@code MeldcodeStep} in api, so the two
 * cannot drift on those).
 */
public final class CaseStates {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private final Deadlines deadlines;

    public CaseStates(WorkingDays workingDays, int veiligThuisFeedbackDays) {
        this.deadlines = new Deadlines(new MeldcodeTerms(workingDays, veiligThuisFeedbackDays));
    }

    /**
     * @param reference the moment the state describes; deadlines before it are overdue
     */
    /**
     * The state of a stored dossier: nothing is folded here, only the deadlines are weighed against the reference.
     *
     * @param reference the moment the state describes; deadlines before it are overdue
     */
    public CaseStateView view(CaseDossier dossier, Instant reference) {
        CaseFile file = dossier.file();
        java.time.LocalDate today = reference.atZone(AMSTERDAM).toLocalDate();
        return new CaseStateView(
                file.caseId(),
                dossier.version(),
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
                dossier.reports(),
                file.activeHelp().orElse(null),
                file.lastHelpEvaluation().orElse(null),
                file.closure().orElse(null),
                dossier.decisions(),
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

    /** True when the answer to the question in the current pass is the given one. */
    static boolean answered(CaseFile file, AfwegingQuestion question, WeighingAnswer answer) {
        return file.afwegingskader().answeredWith(question, answer);
    }
}
