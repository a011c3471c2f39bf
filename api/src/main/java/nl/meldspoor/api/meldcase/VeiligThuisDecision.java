package nl.meldspoor.api.meldcase;

/** What Veilig Thuis decides within five working days after a report. */
public enum VeiligThuisDecision {
    END_OF_INVOLVEMENT,
    HANDOVER_TO_NEW_HELP,
    HANDOVER_TO_EXISTING_HELP,
    SAFETY_CONDITIONS_AND_FOLLOW_UP,
    OWN_INVESTIGATION,
    MONITORING
}
