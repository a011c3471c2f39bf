package nl.meldspoor.api.meldcase;

/** An answer in the afwegingskader. DOUBT exists only for the safety question, where it counts as yes. */
public enum WeighingAnswer {
    YES,
    NO,
    DOUBT
}
