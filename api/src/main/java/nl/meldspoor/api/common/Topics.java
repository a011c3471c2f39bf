package nl.meldspoor.api.common;

/** Kafka topics of the published events, one per bounded context, and the staff directory. */
public final class Topics {

    public static final String CASE_EVENTS = "meldspoor.case-events";
    public static final String SIGNAL_EVENTS = "meldspoor.signal-events";
    /** The board's staff directory: who holds which role where, kept by the case-service. */
    public static final String STAFF = "meldspoor.staff";
    /** Every read of a dossier, a timeline, a pupil's signals or the incident register (DOMAIN.md §7). */
    public static final String ACCESS_LOG = "meldspoor.access-log";

    private Topics() {
    }
}
