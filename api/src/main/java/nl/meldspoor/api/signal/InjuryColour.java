package nl.meldspoor.api.signal;

/**
 * The colour of a mark as seen, from a fixed list rather than free text: a code needs no sealing, reads the
 * same at every school, and invites no interpretation (dating an injury by its colour is letselduiding, which is
 * for a doctor, not for school staff).
 */
public enum InjuryColour {
    RED,
    BLUE,
    PURPLE,
    GREEN,
    YELLOW,
    BROWN,
    BLACK,
    OTHER
}
