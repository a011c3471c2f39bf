package nl.meldspoor.platform.publishing;

/**
 * The size a Kafka record may have, set explicitly on every producer ({@code max.request.size}) and on
 * every topic the services create ({@code max.message.bytes}), so no broker default decides it. The
 * input limits keep the largest sealed event far below it (proven by a test over all event types).
 */
public final class RecordLimits {

    /** Kafka's own default, made explicit: 1 MiB. */
    public static final int MAX_RECORD_BYTES = 1_048_576;

    /** The largest event the input limits allow must stay below this: half the record limit. */
    public static final int LARGEST_EVENT_BYTES = MAX_RECORD_BYTES / 2;

    private RecordLimits() {
    }
}
