package nl.meldspoor.casework.meldcase.state;

import static nl.meldspoor.casework.meldcase.state.CaseStates.answered;

import java.util.ArrayList;
import java.util.List;
import nl.meldspoor.api.meldcase.AfwegingQuestion;
import nl.meldspoor.api.meldcase.WeighingAnswer;

/** What the meldcode expects next in a case, in Dutch, for the people running it. */
final class NextSteps {

    private NextSteps() {
    }

    static List<String> of(CaseFile file) {
        List<String> steps = new ArrayList<>();
        if (file.isClosed()) {
            steps.add("Het dossier is gesloten. Heropen het als er nieuwe signalen zijn.");
            return steps;
        }
        if (!file.consulted()) {
            steps.add("Stap 2: overleg met een collega, de aandachtsfunctionaris of Veilig Thuis.");
        }
        if (!file.parentsTalkedToOrSkipped()) {
            steps.add(file.holdsUrgentSignal() && !file.veiligThuisConsulted()
                    ? "Urgent: neem direct contact op met Veilig Thuis; spreek niet eerst met de ouders."
                    : "Stap 3: voer het gesprek met de ouders, of leg na advies van Veilig Thuis vast waarom dat niet gebeurt.");
        }
        file.currentDecision().ifPresent(decision -> {
            if (!decision.approved()) {
                steps.add("Laat de directeur het besluit over melden goedkeuren.");
            } else if (decision.decision().reportNecessary() && !decision.parentsInformedOrSkipped()) {
                steps.add("Bespreek de melding met de ouders, of leg na advies van Veilig Thuis vast waarom dat niet gebeurt.");
            } else if (decision.decision().reportNecessary()) {
                steps.add("Doe de melding bij Veilig Thuis namens de directie en leg haar vast.");
            }
        });
        if (file.currentDecision().isEmpty() && file.decisionSentBack().isPresent()) {
            steps.add("Stap 5: de directeur heeft het besluit over melden teruggestuurd; neem het besluit opnieuw.");
        }
        file.pendingMeldnorm().ifPresent(meldnorm -> {
            if (file.currentDecision().isEmpty()) {
                steps.add("Melden is noodzakelijk (" + meldnorm.dutchDescription() + "): neem het besluit om te melden.");
            }
        });
        if (file.reportAwaitingFeedback().isPresent()) {
            steps.add("Leg de terugkoppeling van Veilig Thuis vast; zij beslissen binnen vijf werkdagen.");
        }
        file.activeHelp().ifPresent(plan -> steps.add("Evalueer de hulp op de termijn van " + plan.term() + " (afweging 5)."));
        if (file.consulted() && file.parentsTalkedToOrSkipped() && file.pendingMeldnorm().isEmpty()) {
            file.afwegingskader().nextQuestion()
                    .filter(question -> question != AfwegingQuestion.RESULTAAT)
                    .ifPresent(question -> steps.add("Stap 4: beantwoord " + question.dutchName() + "."));
        }
        if (answered(file, AfwegingQuestion.HULP_AANVAARDEN, WeighingAnswer.YES) && file.activeHelp().isEmpty()
                && file.lastHelpEvaluation().isEmpty()) {
            if (file.currentDecision().isEmpty() && file.decisionSentBack().isEmpty()) {
                steps.add("Stap 5: neem de twee besluiten (is melden noodzakelijk? kan de school hulp bieden?).");
            } else if (file.currentDecision().get().approved() && !file.currentDecision().get().decision().reportNecessary()) {
                steps.add("Zet de hulp in: termijn, casemanager en wie wat doet.");
            }
        }
        if (answered(file, AfwegingQuestion.VERMOEDEN, WeighingAnswer.NO)) {
            steps.add("Sluit het dossier en leg uitdrukkelijk vast dat het vermoeden ongegrond is gebleken.");
        }
        file.lastHelpEvaluation().filter(evaluation -> evaluation.resultsAchieved() && file.activeHelp().isEmpty())
                .ifPresent(evaluation -> steps.add("Sluit het dossier met de afspraken over nazorg."));
        if (!file.reports().isEmpty() && file.reportAwaitingFeedback().isEmpty() && file.activeHelp().isEmpty()
                && file.pendingMeldnorm().isEmpty()) {
            steps.add("Sluit het dossier (gemeld en overgedragen), of zet in overleg met Veilig Thuis hulp in.");
        }
        return steps;
    }
}
