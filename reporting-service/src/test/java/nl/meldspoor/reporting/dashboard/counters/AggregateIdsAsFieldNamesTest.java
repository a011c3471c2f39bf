package nl.meldspoor.reporting.dashboard.counters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Aggregate ids become field names of the month ({@code applied.<id>}, {@code samples.<id>}): no path, no operator, no two alike. */
class AggregateIdsAsFieldNamesTest {

    @Test
    void aDotOrADollarNeverReachesAFieldName() {
        List<String> ids = List.of("case-2f1c", "school.a:pupil-1", "$where", "a~002e", "a.", "é");

        List<String> keys = ids.stream().map(DashboardCounters::fieldKey).toList();

        assertThat(keys).allSatisfy(key -> assertThat(key).doesNotContain(".", "$").isNotEmpty());
        assertThat(keys).doesNotHaveDuplicates();
        assertThat(keys.get(0)).as("a plain id stays readable").isEqualTo("case-2f1c");
    }
}
