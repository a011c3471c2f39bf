package nl.meldspoor.platform.privacy;

/**
 * One sealed text as its holder opened it for the caller.
 *
 * @param text the plain text when {@code state} is {@link State#OPEN}, otherwise null
 */
public record OpenedText(String sealed, State state, String text) {

    public enum State {
        /** the caller may read it: here it is */
        OPEN,
        /** its key was erased after the retention period */
        ERASED,
        /** the caller may not read texts of the record's school */
        NOT_PERMITTED,
        /** not sealed by this service, or altered */
        UNKNOWN
    }
}
