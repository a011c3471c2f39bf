package nl.meldspoor.reporting.dashboard.counters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;

/** A school's open cases as kept between dashboards: those opened before a moment, strictly, whatever order they were stored in. */
class KeptOpenCasesTest {

    private static final Instant NINE = Instant.parse("2026-09-07T09:00:00Z");

    @Test
    void theCasesOpenedBeforeAMomentAreThoseOpenedStrictlyBeforeIt() {
        Document stored = new Document()
                .append("c", packed(NINE.plusSeconds(60), LocalDate.of(2026, 9, 30)))
                .append("a", packed(NINE.minusSeconds(60), LocalDate.of(2026, 9, 10)))
                .append("b1", packed(NINE, LocalDate.of(2026, 9, 20)))
                .append("b2", packed(NINE))
                .append("b3", packed(NINE, LocalDate.of(2026, 9, 21), LocalDate.of(2026, 9, 22)));
        OpenCases.School school = OpenCases.School.of("school-a", stored);

        assertThat(school.openedBefore(NINE)).containsExactly(new Tally.OpenCase("school-a", List.of(LocalDate.of(2026, 9, 10))));
        assertThat(school.openedBefore(NINE.plusMillis(1))).hasSize(4);
        assertThat(school.openedBefore(NINE.minusSeconds(60))).isEmpty();
        assertThat(school.openedBefore(NINE.plusSeconds(61))).hasSize(5).allSatisfy(open -> assertThat(open.schoolId()).isEqualTo("school-a"));
        assertThat(OpenCases.School.of("school-b", null).openedBefore(NINE)).isEmpty();
    }

    private static Binary packed(Instant openedAt, LocalDate... dues) {
        return new Binary(new OpenCase(openedAt, List.of(dues)).packed());
    }
}
