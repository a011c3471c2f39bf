package nl.meldspoor.reporting.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.meldspoor.reporting.organisation.Level;
import org.junit.jupiter.api.Test;

class SuppressionTest {

    private final Suppression cluster = new Suppression(5, Level.CLUSTER);
    private final Suppression school = new Suppression(5, Level.SCHOOL);

    @Test
    void countsFromOneToBelowTheThresholdAreHiddenAboveSchoolLevel() {
        assertThat(cluster.count(0)).isEqualTo(Count.of(0));
        assertThat(cluster.count(1).suppressed()).isTrue();
        assertThat(cluster.count(4).suppressed()).isTrue();
        assertThat(cluster.count(5)).isEqualTo(Count.of(5));
    }

    @Test
    void aSchoolSeesSmallCounts() {
        assertThat(school.count(2)).isEqualTo(Count.of(2));
    }

    @Test
    void sharesAndMediansOverFewCasesAreHidden() {
        assertThat(cluster.share(1, 3).suppressed()).isTrue();
        assertThat(cluster.share(3, 6).percentage()).isEqualTo(50);
        assertThat(cluster.median(List.of(1.0, 2.0)).suppressed()).isTrue();
        assertThat(cluster.median(List.of(1.0, 2.0, 3.0, 4.0, 10.0)).days()).isEqualTo(3.0);
        assertThat(school.median(List.of(1.0, 2.0)).days()).isEqualTo(1.5);
    }
}
