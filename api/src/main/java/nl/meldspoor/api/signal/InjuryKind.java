package nl.meldspoor.api.signal;

/** What kind of injury a mark on the body map is (DOMAIN.md §2 and UI.md §4): what was seen, never how it came about. */
public enum InjuryKind {
    /** blauwe plek */
    BRUISE,
    /** schaafwond */
    ABRASION,
    /** krab */
    SCRATCH,
    /** snee */
    CUT,
    /** brandwond */
    BURN,
    /** bijtafdruk */
    BITE_MARK,
    /** zwelling */
    SWELLING,
    /** anders */
    OTHER
}
