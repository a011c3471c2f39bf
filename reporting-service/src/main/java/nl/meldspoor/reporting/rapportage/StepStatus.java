package nl.meldspoor.reporting.rapportage;

/** Whether a step of the meldcode is documented as the meldcode asks. */
public enum StepStatus {
    COMPLETE,
    /** Something that should have been recorded by now is not. */
    INCOMPLETE,
    /** Documented so far; the step waits for an act that has a deadline of its own (a report, an approval, feedback). */
    IN_PROGRESS,
    /** The case has not reached this step yet. */
    NOT_YET,
    /** The step does not apply (e.g. no decision about reporting after the suspicion proved unfounded). */
    NOT_APPLICABLE
}
