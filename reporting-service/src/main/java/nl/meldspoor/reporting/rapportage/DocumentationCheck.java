package nl.meldspoor.reporting.rapportage;

import java.util.ArrayList;
import java.util.List;
import nl.meldspoor.api.meldcase.AfwegingQuestion;
import nl.meldspoor.api.meldcase.MeldcodeCaseEvent;
import nl.meldspoor.api.meldcase.ParentsTalkedTo;
import nl.meldspoor.api.meldcase.WeighingAnswer;
import nl.meldspoor.api.meldcase.state.CaseFile;
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
        List<StepDocumentation> steps = List.of(signals(file), consultation(file), conversations(file, events),
                weighing(file), decisions(file));
        boolean complete = steps.stream().noneMatch(step -> step.status() == StepStatus.INCOMPLETE);
        return new Documentation(steps, complete);
    }

    private static StepDocumentation signals(CaseFile file) {
        boolean facts = file.signals().stream()
                .anyMatch(signal -> signal.content().statements().stream().anyMatch(statement -> statement.kind() == StatementKind.FACT));
        return step(1, "Signalen in kaart brengen", facts ? List.of() : List.of("Er is geen feitelijke waarneming vastgelegd, alleen interpretaties."));
    }

    private static StepDocumentation consultation(CaseFile file) {
        if (file.consulted()) {
            return step(2, STEP_2, List.of());
        }
        return reachedBeyond(file, 2)
                ? step(2, STEP_2, List.of("Er is geen overleg met een collega, Veilig Thuis of een deskundige vastgelegd."))
                : notYet(2, STEP_2);
    }

    private static StepDocumentation conversations(CaseFile file, List<MeldcodeCaseEvent> events) {
        if (!file.parentsTalkedToOrSkipped()) {
            return reachedBeyond(file, 3)
                    ? step(3, STEP_3, List.of("Het gesprek met de ouders, of de reden om het niet te voeren, is niet vastgelegd."))
                    : notYet(3, STEP_3);
        }
        List<String> missing = new ArrayList<>();
        boolean kindcheck = events.stream().anyMatch(event -> event instanceof ParentsTalkedTo talk && talk.conversation().kindcheck().performed());
        if (file.parentConversations() > 0 && !kindcheck) {
            missing.add("De kindcheck (andere kinderen in het gezin) is niet gedaan.");
        }
        return step(3, STEP_3, missing);
    }

    private static StepDocumentation weighing(CaseFile file) {
        if (!file.afwegingskader().started()) {
            return file.isClosed() ? step(4, STEP_4, List.of("Het afwegingskader is niet gebruikt.")) : notYet(4, STEP_4);
        }
        if (concluded(file)) {
            return step(4, STEP_4, List.of());
        }
        String next = file.afwegingskader().nextQuestion().map(AfwegingQuestion::dutchName).orElse("de volgende afweging");
        return step(4, STEP_4, List.of("Het afwegingskader is niet afgerond: " + next + " is nog niet beantwoord."));
    }

    private static StepDocumentation decisions(CaseFile file) {
        if (file.afwegingskader().answeredWith(AfwegingQuestion.VERMOEDEN, WeighingAnswer.NO) && file.reports().isEmpty()) {
            return new StepDocumentation(5, STEP_5, StepStatus.NOT_APPLICABLE, List.of(), List.of());
        }
        boolean reached = file.currentDecision().isPresent() || file.decisionSentBack().isPresent() || !file.reports().isEmpty() || file.pendingMeldnorm().isPresent()
                || file.activeHelp().isPresent() || file.lastHelpEvaluation().isPresent()
                || file.afwegingskader().answeredWith(AfwegingQuestion.HULP_AANVAARDEN, WeighingAnswer.YES);
        if (!reached) {
            return notYet(5, STEP_5);
        }
        List<String> toDo = new ArrayList<>();
        file.pendingMeldnorm().ifPresent(meldnorm ->
                toDo.add("Melden is noodzakelijk (" + meldnorm.dutchDescription() + ") maar de melding is nog niet gedaan."));
        file.currentDecision().ifPresent(decision -> {
            if (!decision.approved()) {
                toDo.add("Het besluit over melden is nog niet goedgekeurd door de directeur.");
            } else if (decision.decision().reportNecessary()) {
                toDo.add(decision.parentsInformedOrSkipped()
                        ? "De melding bij Veilig Thuis is nog niet vastgelegd."
                        : "Het gesprek met de ouders over de melding, of de reden om het niet te voeren, is niet vastgelegd.");
            }
        });
        if (file.currentDecision().isEmpty() && file.decisionSentBack().isPresent()) {
            toDo.add("De directeur heeft het besluit over melden teruggestuurd; het is nog niet opnieuw genomen.");
        }
        List<String> missing = new ArrayList<>();
        if (file.currentDecision().isEmpty() && file.reports().isEmpty() && file.pendingMeldnorm().isEmpty()) {
            (file.isClosed() ? missing : toDo).add("De twee besluiten van stap 5 (melden? hulp?) zijn niet vastgelegd.");
        }
        if (file.reportAwaitingFeedback().isPresent()) {
            toDo.add("De terugkoppeling van Veilig Thuis is nog niet vastgelegd.");
        }
        if (!missing.isEmpty()) {
            return new StepDocumentation(5, STEP_5, StepStatus.INCOMPLETE, missing, toDo);
        }
        return new StepDocumentation(5, STEP_5, toDo.isEmpty() ? StepStatus.COMPLETE : StepStatus.IN_PROGRESS, List.of(), toDo);
    }

    /** The afwegingskader reached an answer that tells what to do: no suspicion, a report, or accepted help. */
    private static boolean concluded(CaseFile file) {
        var progress = file.afwegingskader();
        return progress.answeredWith(AfwegingQuestion.VERMOEDEN, WeighingAnswer.NO)
                || progress.answeredWith(AfwegingQuestion.HULP_AANVAARDEN, WeighingAnswer.YES)
                || progress.togetherWithVeiligThuis()
                || file.pendingMeldnorm().isPresent()
                || !file.reports().isEmpty()
                || progress.nextQuestion().isEmpty();
    }

    private static boolean reachedBeyond(CaseFile file, int step) {
        return file.currentStep() > step || file.isClosed();
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
