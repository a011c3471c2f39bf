package nl.meldspoor.reporting.incident;

/** How far an incident's protocol has come. */
public enum ProtocolStatus {
    NOT_STARTED,
    IN_PROGRESS,
    /**
     * Meldplicht: the parties informed and, when decided, the police report filed. Bullying: all five
     * steps taken. Unsafe behaviour (actions as needed, not all five): actions taken and the incident closed.
     */
    COMPLETE;
}
