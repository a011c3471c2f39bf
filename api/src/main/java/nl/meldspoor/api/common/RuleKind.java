package nl.meldspoor.api.common;

/** How a broken rule is reported to the caller. */
public enum RuleKind {
    /** The input itself is not acceptable (HTTP 400). */
    INVALID_INPUT,
    /** A rule of the meldcode or the protocol forbids it (HTTP 422). */
    DOMAIN_RULE,
    /** The step comes out of order or conflicts with the current state (HTTP 409). */
    OUT_OF_ORDER,
    /** The actor's role does not allow it (HTTP 403). */
    NOT_PERMITTED,
    /** What the command is about does not exist (HTTP 404). */
    NOT_FOUND
}
