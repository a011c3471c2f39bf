package nl.meldspoor.api.incident;

/** Whether an incident's follow-up is still running. */
public enum IncidentStatus {
    OPEN,
    CLOSED
}
