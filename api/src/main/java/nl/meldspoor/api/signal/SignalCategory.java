package nl.meldspoor.api.signal;

/** What a signal is about (DOMAIN.md §2). */
public enum SignalCategory {
    SOCIAL_EMOTIONAL,
    /** ongewenst of grensoverschrijdend gedrag */
    UNSAFE_BEHAVIOUR,
    /** pesten, including cyberpesten */
    BULLYING,
    /** possible huiselijk geweld or kindermishandeling */
    HOME_SITUATION
}
