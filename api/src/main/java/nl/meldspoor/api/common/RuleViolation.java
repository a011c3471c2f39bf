package nl.meldspoor.api.common;

import java.util.Objects;

/**
 * Thrown by an aggregate when a command breaks a rule. Nothing is applied when it is thrown.
 *
 * @param field the request field the rule is about, or {@code null} when it concerns the whole act
 */
public class RuleViolation extends RuntimeException {

    private final transient Rule rule;
    private final String field;

    public RuleViolation(Rule rule, String field, String detail) {
        super(detail == null ? rule.message() : detail);
        this.rule = Objects.requireNonNull(rule);
        this.field = field;
    }

    public static RuleViolation of(Rule rule) {
        return new RuleViolation(rule, null, null);
    }

    public static RuleViolation of(Rule rule, String field) {
        return new RuleViolation(rule, field, null);
    }

    public static RuleViolation of(Rule rule, String field, String detail) {
        return new RuleViolation(rule, field, detail);
    }

    public Rule rule() {
        return rule;
    }

    public String field() {
        return field;
    }
}
