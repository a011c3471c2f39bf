package nl.meldspoor.api.meldcase;

/** Whether a consulted colleague recognised the same signals. */
public enum SameSignals {
    YES,
    NO,
    UNKNOWN
}
