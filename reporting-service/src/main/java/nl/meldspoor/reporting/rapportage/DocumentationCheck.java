package nl.meldspoor.reporting.rapportage;

import java.util.ArrayList;
import java.util.List;
import nl.meldspoor.api.meldcase.AfwegingQuestion;
import nl.meldspoor.api.meldcase.MeldcodeCaseEvent;
import nl.meldspoor.api.meldcase.ParentsTalkedTo;
import nl.meldspoor.api.meldcase.WeighingAnswer;
import nl.meldspoor.reporting.meldcase.fold.CaseFile;
import nl.meldspoor.api.signal.StatementKind;

/**
 * Checks per step whether a case is documented as the meldcode asks (dossiervorming, 002/004): facts
 * recorded as facts, a consultation, the conversation with the parents with the kindcheck, an
 * afwegingskader weighed to its conclusion, and decisions carried out and recorded.
 */
public final class DocumentationCheck {

    private DocumentationCheck() {
    }

    public static Documentation of(CaseFile file, List<MeldcodeCaseEvent> events) {
        return of(fromHistory(file, events));
    }

    public static Documentation of(DocumentedCase file) {
        List<StepDocumentation> steps = List.of(signals(file), consultation(file), conversations(file),
                weighing(file), decisions(file));
        boolean complete = steps.stream().noneMatch(step -> step.status() == StepStatus.INCOMPLETE);
        return new Documentation(steps, complete);
    }

    private static StepDocumentation signals(DocumentedCase file) {
        return step(1, "Signalen in kaart brengen", file.signalsHoldAFact() ? List.of() : List.of("Er is geen feitelijke waarneming vastgelegd, alleen interpretaties."));
    }

    private static StepDocumentation consultation(DocumentedCase file) {
        if (file.consulted()) {
            return step(2, STEP_2, List.of());
        }
        return reachedBeyond(file, 2)
                ? step(2, STEP_2, List.of("Er is geen overleg met een collega, Veilig Thuis of een deskundige vastgelegd."))
                : notYet(2, STEP_2);
    }

    private static StepDocumentation conversations(DocumentedCase file) {
        if (!file.parentsTalkedToOrSkipped()) {
            return reachedBeyond(file, 3)
                    ? step(3, STEP_3, List.of("Het gesprek met de ouders, of de reden om het niet te voeren, is niet vastgelegd."))
                    : notYet(3, STEP_3);
        }
        List<String> missing = new ArrayList<>();
        if (file.parentConversations() > 0 && !file.kindcheckPerformed()) {
            missing.add("De kindcheck (andere kinderen in het gezin) is niet gedaan.");
        }
        return step(3, STEP_3, missing);
    }

    private static StepDocumentation weighing(DocumentedCase file) {
        if (!file.afwegingskaderStarted()) {
            return file.isClosed() ? step(4, STEP_4, List.of("Het afwegingskader is niet gebruikt.")) : notYet(4, STEP_4);
        }
        if (concluded(file)) {
            return step(4, STEP_4, List.of());
        }
        String next = file.nextQuestion().map(AfwegingQuestion::dutchName).orElse("de volgende afweging");
        return step(4, STEP_4, List.of("Het afwegingskader is niet afgerond: " + next + " is nog niet beantwoord."));
    }

    private static StepDocumentation decisions(DocumentedCase file) {
        if (file.answeredWith(AfwegingQuestion.VERMOEDEN, WeighingAnswer.NO) && !file.anyReport()) {
            return new StepDocumentation(5, STEP_5, StepStatus.NOT_APPLICABLE, List.of(), List.of());
        }
        boolean reached = file.decisionTaken() || file.decisionSentBack() || file.anyReport() || file.pendingMeldnorm().isPresent()
                || file.helpActive() || file.helpEvaluated()
                || file.answeredWith(AfwegingQuestion.HULP_AANVAARDEN, WeighingAnswer.YES);
        if (!reached) {
            return notYet(5, STEP_5);
        }
        List<String> toDo = new ArrayList<>();
        file.pendingMeldnorm().ifPresent(meldnorm ->
                toDo.add("Melden is noodzakelijk (" + meldnorm.dutchDescription() + ") maar de melding is nog niet gedaan."));
        if (file.decisionTaken()) {
            if (!file.decisionApproved()) {
                toDo.add("Het besluit over melden is nog niet goedgekeurd door de directeur.");
            } else if (file.decisionReportNecessary()) {
                toDo.add(file.decisionParentsInformedOrSkipped()
                        ? "De melding bij Veilig Thuis is nog niet vastgelegd."
                        : "Het gesprek met de ouders over de melding, of de reden om het niet te voeren, is niet vastgelegd.");
            }
        }
        if (!file.decisionTaken() && file.decisionSentBack()) {
            toDo.add("De directeur heeft het besluit over melden teruggestuurd; het is nog niet opnieuw genomen.");
        }
        List<String> missing = new ArrayList<>();
        if (!file.decisionTaken() && !file.anyReport() && file.pendingMeldnorm().isEmpty()) {
            (file.isClosed() ? missing : toDo).add("De twee besluiten van stap 5 (melden? hulp?) zijn niet vastgelegd.");
        }
        if (file.reportAwaitingFeedback()) {
            toDo.add("De terugkoppeling van Veilig Thuis is nog niet vastgelegd.");
        }
        if (!missing.isEmpty()) {
            return new StepDocumentation(5, STEP_5, StepStatus.INCOMPLETE, missing, toDo);
        }
        return new StepDocumentation(5, STEP_5, toDo.isEmpty() ? StepStatus.COMPLETE : StepStatus.IN_PROGRESS, List.of(), toDo);
    }

    /** The afwegingskader reached an answer that tells what to do: no suspicion, a report, or accepted help. */
    private static boolean concluded(DocumentedCase file) {
        return file.answeredWith(AfwegingQuestion.VERMOEDEN, WeighingAnswer.NO)
                || file.answeredWith(AfwegingQuestion.HULP_AANVAARDEN, WeighingAnswer.YES)
                || file.togetherWithVeiligThuis()
                || file.pendingMeldnorm().isPresent()
                || file.anyReport()
                || file.nextQuestion().isEmpty();
    }

    private static boolean reachedBeyond(DocumentedCase file, int step) {
        return file.currentStep() > step || file.isClosed();
    }

    /** The rapportage's view of the same questions, answered from the case's whole history. */
    private static DocumentedCase fromHistory(CaseFile file, List<MeldcodeCaseEvent> events) {
        boolean kindcheck = events.stream().anyMatch(event -> event instanceof ParentsTalkedTo talk && talk.conversation().kindcheck().performed());
        return new DocumentedCase() {
            public boolean signalsHoldAFact() {
                return file.signals().stream()
                        .anyMatch(signal -> signal.content().statements().stream().anyMatch(statement -> statement.kind() == StatementKind.FACT));
            }
            public boolean consulted() {
                return file.consulted();
            }
            public int currentStep() {
                return file.currentStep();
            }
            public boolean isClosed() {
                return file.isClosed();
            }
            public boolean parentsTalkedToOrSkipped() {
                return file.parentsTalkedToOrSkipped();
            }
            public int parentConversations() {
                return file.parentConversations();
            }
            public boolean kindcheckPerformed() {
                return kindcheck;
            }
            public boolean afwegingskaderStarted() {
                return file.afwegingskader().started();
            }
            public java.util.Optional<AfwegingQuestion> nextQuestion() {
                return file.afwegingskader().nextQuestion();
            }
            public boolean answeredWith(AfwegingQuestion question, WeighingAnswer answer) {
                return file.afwegingskader().answeredWith(question, answer);
            }
            public boolean togetherWithVeiligThuis() {
                return file.afwegingskader().togetherWithVeiligThuis();
            }
            public boolean anyReport() {
                return !file.reports().isEmpty();
            }
            public boolean decisionTaken() {
                return file.currentDecision().isPresent();
            }
            public boolean decisionApproved() {
                return file.currentDecision().map(CaseFile.ReportDecisionState::approved).orElse(false);
            }
            public boolean decisionReportNecessary() {
                return file.currentDecision().map(decision -> decision.decision().reportNecessary()).orElse(false);
            }
            public boolean decisionParentsInformedOrSkipped() {
                return file.currentDecision().map(CaseFile.ReportDecisionState::parentsInformedOrSkipped).orElse(false);
            }
            public boolean decisionSentBack() {
                return file.decisionSentBack().isPresent();
            }
            public java.util.Optional<nl.meldspoor.api.meldcase.Meldnorm> pendingMeldnorm() {
                return file.pendingMeldnorm();
            }
            public boolean helpActive() {
                return file.activeHelp().isPresent();
            }
            public boolean helpEvaluated() {
                return file.lastHelpEvaluation().isPresent();
            }
            public boolean reportAwaitingFeedback() {
                return file.reportAwaitingFeedback().isPresent();
            }
        };
    }

    private static StepDocumentation step(int number, String name, List<String> missing) {
        return new StepDocumentation(number, name, missing.isEmpty() ? StepStatus.COMPLETE : StepStatus.INCOMPLETE, missing, List.of());
    }

    private static StepDocumentation notYet(int number, String name) {
        return new StepDocumentation(number, name, StepStatus.NOT_YET, List.of(), List.of());
    }

    private static final String STEP_2 = "Overleggen met collega's en zo nodig Veilig Thuis of een deskundige raadplegen";
    private static final String STEP_3 = "Gesprek met de ouders (en zo mogelijk het kind)";
    private static final String STEP_4 = "Wegen met het afwegingskader";
    private static final String STEP_5 = "Beslissen: melden en/of hulp organiseren";
}
