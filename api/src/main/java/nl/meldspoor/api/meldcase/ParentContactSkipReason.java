package nl.meldspoor.api.meldcase;

/** The only reasons for which a school may refrain from talking with the parents (DOMAIN.md §4). */
public enum ParentContactSkipReason {
    /** de veiligheid van het kind */
    SAFETY_OF_CHILD,
    /** de veiligheid van de melder of anderen */
    SAFETY_OF_REPORTER_OR_OTHERS,
    /** goede reden om aan te nemen dat de ouders het contact verbreken */
    PARENTS_LIKELY_TO_BREAK_CONTACT,
    /** het kind heeft een onthulling gedaan */
    DISCLOSURE,
    /** eergerelateerd geweld */
    HONOUR_RELATED
}
