package nl.meldspoor.reporting.rapportage;

import java.util.Optional;
import nl.meldspoor.api.meldcase.AfwegingQuestion;
import nl.meldspoor.api.meldcase.Meldnorm;
import nl.meldspoor.api.meldcase.WeighingAnswer;

/**
 * What the documentation check asks of a case: answered by the stored case view (kept per event) and,
 * for the rapportage, by the case's history.
 */
public interface DocumentedCase {

    boolean signalsHoldAFact();

    boolean consulted();

    int currentStep();

    boolean isClosed();

    boolean parentsTalkedToOrSkipped();

    int parentConversations();

    boolean kindcheckPerformed();

    boolean afwegingskaderStarted();

    Optional<AfwegingQuestion> nextQuestion();

    boolean answeredWith(AfwegingQuestion question, WeighingAnswer answer);

    boolean togetherWithVeiligThuis();

    boolean anyReport();

    boolean decisionTaken();

    boolean decisionApproved();

    boolean decisionReportNecessary();

    boolean decisionParentsInformedOrSkipped();

    boolean decisionSentBack();

    Optional<Meldnorm> pendingMeldnorm();

    boolean helpActive();

    boolean helpEvaluated();

    boolean reportAwaitingFeedback();
}
