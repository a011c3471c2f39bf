package nl.meldspoor.reporting.dashboard.counters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A case's samples and an open case are stored as one binary value each: what is packed is read back unchanged. */
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
}
