package nl.meldspoor.casework.meldcase;

import nl.meldspoor.api.common.Rule;
import org.hamcrest.Matcher;

/** The case scenarios' name for the platform's rule-violation matcher. */
final class Violations {

    private Violations() {
    }

    static Matcher<Throwable> violates(Rule rule) {
        return nl.meldspoor.platform.testing.Violations.violates(rule);
    }
}
