package nl.meldspoor.reporting.readmodel;

/**
 * A stored view of one aggregate: only what its queries need, updated per event from the view before it
 * and that one event, with the aggregate sequence it has applied — so that a redelivered or replayed
 * event changes nothing without transactions, and the document stays the same size however long the
 * aggregate's history grows (the history itself lives one document per event in the timeline collection).
 */
public abstract class AggregateDocument {

    /**
     * The format of the stored views, written into every view: 2 since views carry their state and the history lives
     * one document per event; documents without it were written with the events inside,
     * and are replaced by a rebuild at startup.
     */
    public static final int CURRENT_FORMAT = 2;
    static final String FORMAT_FIELD = "viewFormat";

    /** The format a stored view was written in: format 1 kept the events inside the view, format 2 (the first round) wrote no field. */
    static int formatOf(org.bson.Document stored) {
        Object format = stored.get(FORMAT_FIELD);
        if (format instanceof Number number) {
            return number.intValue();
        }
        return stored.containsKey("events") ? 1 : 2;
    }

    /** Written views count up; a redelivery that changes nothing leaves it alone. */
    private long version;
    private long appliedSequence = -1;

    boolean alreadyApplied(long sequence) {
        return sequence <= appliedSequence;
    }

    void applied(long sequence) {
        appliedSequence = sequence;
        version++;
    }

    public long appliedSequence() {
        return appliedSequence;
    }

    public long version() {
        return version;
    }
}
