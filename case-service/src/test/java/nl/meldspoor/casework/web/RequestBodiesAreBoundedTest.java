package nl.meldspoor.casework.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.meldspoor.platform.testing.InputBounds;
import org.junit.jupiter.api.Test;

/**
 * Every text and list a request body of this service accepts has a maximum, so no request can grow an
 * event beyond what Kafka carries. The bodies are found from the controllers, so a new endpoint or a new
 * field is covered without editing this test; {@code InputBoundsTest} shows the check rejects a loose field.
 */
class RequestBodiesAreBoundedTest {

    @Test
    void everyTextAndListOfEveryRequestBodyHasAMaximum() {
        Set<Class<?>> bodies = InputBounds.requestBodyTypes("nl.meldspoor.casework", "nl.meldspoor.platform");
        assertThat(bodies).as("request bodies found").hasSizeGreaterThan(5);

        List<String> unbounded = new ArrayList<>();
        bodies.forEach(body -> unbounded.addAll(InputBounds.describe(body, InputBounds.unbounded(body))));

        assertThat(unbounded).as("texts and lists without @Size(max = Limits.…)").isEmpty();
    }
}
