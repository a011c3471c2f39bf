package nl.meldspoor.reporting.readmodel;

/**
 * A stored view of one aggregate: only what its queries need, updated per event from the view before it
 * and that one event, with the aggregate sequence it has applied — so that a redelivered or replayed
 * event changes nothing without transactions, and the document stays the same size however long the
 * aggregate's history grows (the history itself lives one document per event in the timeline collection).
 */
public abstract class AggregateDocument {

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
