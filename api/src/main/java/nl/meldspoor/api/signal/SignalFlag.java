package nl.meldspoor.api.signal;

/**
 * Flags that start the urgent path: no conversation with the parents first, the IB'er/AF is alerted
 * at once and contacts Veilig Thuis.
 */
public enum SignalFlag {
    /** The pupil tells about abuse. A disclosure is a form of acute unsafety. */
    DISCLOSURE,
    /** Eergerelateerd geweld. */
    HONOUR_RELATED
}
