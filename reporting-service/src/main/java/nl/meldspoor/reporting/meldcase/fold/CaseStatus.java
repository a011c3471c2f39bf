package nl.meldspoor.reporting.meldcase.fold;

public enum CaseStatus {
    OPEN,
    CLOSED
}
