package nl.meldspoor.api.common;

/**
 * A named rule of the domain. Its code is part of the published language: clients and the problem
 * responses of every service refer to it.
 */
public interface Rule {

    /** Stable identifier, e.g. {@code MELDNORM_REQUIRES_REPORT}. */
    String code();

    /** What kind of refusal breaking the rule is. */
    RuleKind kind();

    /** Dutch explanation for school staff. */
    String message();
}
