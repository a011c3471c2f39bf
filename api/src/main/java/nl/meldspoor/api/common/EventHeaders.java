package nl.meldspoor.api.common;

/**
 * Headers of every event record on Kafka. The record's key is the aggregate id (so all events of
 * one case land on one partition, in order) and its value is the event's JSON as stored.
 */
public final class EventHeaders {

    /** The event's unique id, as in the event store: consumers deduplicate on it. */
    public static final String EVENT_ID = "meldspoor-event-id";
    /** Fully qualified class name of the event, e.g. {@code nl.meldspoor.api.meldcase.CaseOpened}. */
    public static final String EVENT_TYPE = "meldspoor-event-type";
    /** The event's {@code @Revision}. */
    public static final String EVENT_REVISION = "meldspoor-event-revision";
    public static final String AGGREGATE_ID = "meldspoor-aggregate-id";
    public static final String AGGREGATE_TYPE = "meldspoor-aggregate-type";
    /** The aggregate's version after this event: 0 for the first. */
    public static final String AGGREGATE_SEQUENCE = "meldspoor-aggregate-sequence";
    /** The school the event belongs to, when it belongs to one. */
    public static final String SCHOOL = "meldspoor-school";
    /** Business time: when it happened (ISO-8601). */
    public static final String OCCURRED_AT = "meldspoor-occurred-at";
    /** When the event store recorded it (ISO-8601). */
    public static final String RECORDED_AT = "meldspoor-recorded-at";

    private EventHeaders() {
    }
}
