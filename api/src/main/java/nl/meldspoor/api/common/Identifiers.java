package nl.meldspoor.api.common;

/**
 * The formats of the identifiers and pseudonymous references that messages carry instead of names.
 * A field holding one of these declares it with {@code @Pattern(regexp = Identifiers.…)}: it is then
 * checked where it enters and known not to be free text that would need sealing.
 */
public final class Identifiers {

    /** A pseudonymous reference or id: letters, digits and {@code . _ : -}, 1 to 100 characters, no spaces. */
    public static final String REFERENCE = "[A-Za-z0-9][A-Za-z0-9._:-]{0,99}";

    /** A staff member's pseudonymous id from the board's directory (token subjects may be e-mail-like). */
    public static final String PERSON_ID = "[A-Za-z0-9][A-Za-z0-9._:@-]{0,99}";

    /** A pupil's pseudonymous reference (the registry issues {@code lln-…}). */
    public static final String PUPIL_REF = REFERENCE;

    /** A household's pseudonymous reference, shared by siblings (kindcheck). */
    public static final String FAMILY_REF = REFERENCE;

    /** A school, cluster or board id. */
    public static final String ORGANISATION_ID = REFERENCE;

    /** An aggregate's or record's id: a UUID or another reference. */
    public static final String RECORD_ID = REFERENCE;

    /** A meldcode case's id: a UUID, or a reference in tests and imports. */
    public static final String CASE_ID = RECORD_ID;

    /** A signal's id in a pupil's file, kept when the signal is copied into a case. */
    public static final String SIGNAL_ID = RECORD_ID;

    /** An incident's id in the incident register. */
    public static final String INCIDENT_ID = RECORD_ID;

    /** Where a role is held: a school id, a cluster id or {@code board}. */
    public static final String STAFF_SCOPE = ORGANISATION_ID;

    /** A code from a published list, such as an NJi indicator ({@code NJI-6.1}): no spaces, up to 50 characters. */
    public static final String CODE = "[A-Za-z0-9][A-Za-z0-9._-]{0,49}";

    /** An external reference such as Veilig Thuis' case number. */
    public static final String EXTERNAL_REFERENCE = "[A-Za-z0-9][A-Za-z0-9./_:-]{0,99}";

    private Identifiers() {
    }
}
