package nl.meldspoor.casework.meldcase;

public enum CaseStatus {
    OPEN,
    CLOSED
}
