package nl.meldspoor.api.common;

/** Kafka topics of the published events, one per bounded context. */
public final class Topics {

    public static final String CASE_EVENTS = "meldspoor.case-events";
    public static final String SIGNAL_EVENTS = "meldspoor.signal-events";

    private Topics() {
    }
}
