package nl.meldspoor.api.meldcase.state;

public enum CaseStatus {
    OPEN,
    CLOSED
}
