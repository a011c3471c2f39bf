package nl.meldspoor.api.signal;

/** The side of a mark, always from the child's own side (the child's left arm is LEFT, whichever way the figure faces). */
public enum BodySide {
    LEFT,
    RIGHT,
    MIDDLE
}
