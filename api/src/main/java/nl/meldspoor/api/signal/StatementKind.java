package nl.meldspoor.api.signal;

/** Dossiervorming: every statement is either a fact or an interpretation (opinion, story, suspicion). */
public enum StatementKind {
    FACT,
    INTERPRETATION
}
