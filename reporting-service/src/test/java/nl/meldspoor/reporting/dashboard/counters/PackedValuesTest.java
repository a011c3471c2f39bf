package nl.meldspoor.reporting.dashboard.counters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;

/**
 * A case's samples, an open case and an aggregate's counts in a month (its stored contribution, a month's guard) are
 * stored as one binary value each: what is packed is read back unchanged.
 */
class PackedValuesTest {

    @Test
    void samplesComeBackAsTheyWere() {
        List<SampleEntry> samples = List.of(new SampleEntry(1, 1, 0.0), new SampleEntry(31, 4, 12.5), new SampleEntry(7, 2, 1e-3));

        byte[] packed = SampleEntry.packed(samples);

        assertThat(packed).hasSize(3 * SampleEntry.BYTES);
        assertThat(SampleEntry.unpacked(packed)).containsExactlyElementsOf(samples);
        assertThat(SampleEntry.unpacked(SampleEntry.packed(List.of()))).isEmpty();
    }

    @Test
    void aSampleThatDoesNotFitIsRefused() {
        assertThatThrownBy(() -> new SampleEntry(0, 1, 1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SampleEntry(32, 1, 1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SampleEntry(7, 5, 1.0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anOpenCaseComesBackAsItWas() {
        OpenCase open = new OpenCase(Instant.parse("2026-09-07T08:15:30.123Z"),
                List.of(LocalDate.of(2026, 9, 14), LocalDate.of(1969, 12, 31), LocalDate.of(2031, 2, 28)));

        assertThat(OpenCase.unpacked(open.packed())).isEqualTo(open);
        OpenCase withoutDues = new OpenCase(Instant.parse("2026-09-07T22:30:00Z"), List.of());
        assertThat(OpenCase.unpacked(withoutDues.packed())).isEqualTo(withoutDues);
    }

    @Test
    void countsComeBackAsTheyWere() {
        List<CounterEntry> counts = List.of(new CounterEntry(1, "opened", 1), new CounterEntry(31, "category:LICHAMELIJK_GEWELD", 3),
                new CounterEntry(7, "reachedStep5", -2));

        assertThat(CounterEntry.unpacked(CounterEntry.packed(counts))).containsExactlyElementsOf(counts);
        assertThat(CounterEntry.unpacked(CounterEntry.packed(List.of()))).isEmpty();
    }

    /** Format 5 stored a contribution's counts and samples as lists of documents, which a replica of it may still write. */
    @Test
    void aContributionIsStoredPackedAndOneOfFormat5IsReadAsWell() {
        Contribution contribution = new Contribution("case-1", List.of(new CounterEntry(7, "opened", 1), new CounterEntry(9, "advice", 2)),
                List.of(new SampleEntry(7, 1, 2.5)));
        Document stored = contribution.toStored(4);
        Document ofFormat5 = new Document("_id", "school-a|2026-09|case-1").append("sequence", 4L)
                .append("counts", List.of(new Document("day", 7).append("counter", "opened").append("amount", 1),
                        new Document("day", 9).append("counter", "advice").append("amount", 2)))
                .append("samples", List.of(new Document("day", 7).append("fromStep", 1).append("days", 2.5)));

        assertThat(stored.get("counts")).isInstanceOf(Binary.class);
        assertThat(stored.get("samples")).isInstanceOf(Binary.class);
        assertThat(Contribution.of("case-1", stored)).isEqualTo(contribution);
        assertThat(Contribution.of("case-1", ofFormat5)).isEqualTo(contribution);
        Document guard = contribution.asGuard(4);
        assertThat(Contribution.sequenceOf(guard)).isEqualTo(4);
        assertThat(Contribution.of("case-1", guard).counts()).isEqualTo(contribution.counts());
    }
}
