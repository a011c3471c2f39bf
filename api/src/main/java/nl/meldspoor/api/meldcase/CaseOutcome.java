package nl.meldspoor.api.meldcase;

/** How a meldcode case ends. */
public enum CaseOutcome {
    /** The suspicion proved unfounded (afweging 1 answered no). */
    NO_SUSPICION,
    /** Help completed with agreements on monitoring (nazorg). */
    HELP_COMPLETED,
    /** Reported to Veilig Thuis and handed over. */
    REPORTED_AND_HANDED_OVER
}
