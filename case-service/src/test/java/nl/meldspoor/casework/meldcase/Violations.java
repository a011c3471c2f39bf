package nl.meldspoor.casework.meldcase;

import nl.meldspoor.api.common.Rule;
import nl.meldspoor.api.common.RuleViolation;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches the refusal of a command for breaking one named rule. */
final class Violations {

    private Violations() {
    }

    static Matcher<Throwable> violates(Rule rule) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable thrown) {
                return thrown instanceof RuleViolation violation && violation.rule() == rule;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a violation of rule " + rule.code());
            }

            @Override
            protected void describeMismatchSafely(Throwable thrown, Description description) {
                description.appendText("was ").appendValue(thrown instanceof RuleViolation violation ? violation.rule().code() : thrown);
            }
        };
    }
}
