package nl.meldspoor.platform.testing;

import java.util.Objects;
import nl.meldspoor.api.common.Rule;
import nl.meldspoor.api.common.RuleViolation;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches the refusal of a command for breaking one named rule, e.g. in {@code expectException(violates(rule))}. */
public final class Violations {

    private Violations() {
    }

    public static Matcher<Throwable> violates(Rule rule) {
        return violation(rule, null);
    }

    /** The rule broken, and the request field it names. */
    public static Matcher<Throwable> violates(Rule rule, String field) {
        return violation(rule, Objects.requireNonNull(field));
    }

    private static Matcher<Throwable> violation(Rule rule, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable thrown) {
                return thrown instanceof RuleViolation violation && violation.rule() == rule
                        && (field == null || field.equals(violation.field()));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a violation of rule " + rule.code() + (field == null ? "" : " on field " + field));
            }

            @Override
            protected void describeMismatchSafely(Throwable thrown, Description description) {
                description.appendText("was ").appendValue(thrown instanceof RuleViolation violation
                        ? violation.rule().code() + " on field " + violation.field()
                        : thrown);
            }
        };
    }
}
