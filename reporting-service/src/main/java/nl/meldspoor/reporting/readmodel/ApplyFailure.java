package nl.meldspoor.reporting.readmodel;

/** An event of a batch that could not be applied; nothing of the batch was written. */
public class ApplyFailure extends RuntimeException {

    private final int index;

    public ApplyFailure(int index, RuntimeException cause) {
        super("Event " + index + " of the batch could not be applied: " + cause.getMessage(), cause);
        this.index = index;
    }

    public int index() {
        return index;
    }
}
