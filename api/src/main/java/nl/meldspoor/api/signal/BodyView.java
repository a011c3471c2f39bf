package nl.meldspoor.api.signal;

/** Which figure of the body map a mark is placed on: Voorkant or Achterkant. */
public enum BodyView {
    FRONT,
    BACK
}
