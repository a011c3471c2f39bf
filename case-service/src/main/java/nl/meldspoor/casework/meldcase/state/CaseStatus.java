package nl.meldspoor.casework.meldcase.state;

public enum CaseStatus {
    OPEN,
    CLOSED
}
