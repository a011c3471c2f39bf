package nl.meldspoor.api.signal;

/** What kind of mark was seen: blauwe plek, schaafwond, snee, brandwond, bijtafdruk, anders. */
public enum InjuryKind {
    BRUISE,
    ABRASION,
    CUT,
    BURN,
    BITE_MARK,
    OTHER
}
