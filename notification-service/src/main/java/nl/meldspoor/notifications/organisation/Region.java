package nl.meldspoor.notifications.organisation;

/** The school-holiday regions of the Netherlands. */
public enum Region {
    NOORD,
    MIDDEN,
    ZUID
}
