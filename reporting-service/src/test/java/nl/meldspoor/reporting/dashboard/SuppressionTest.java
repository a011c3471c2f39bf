package nl.meldspoor.reporting.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.meldspoor.reporting.dashboard.Suppression.Cell;
import org.junit.jupiter.api.Test;

class SuppressionTest {

    @Test
    void countsFromOneToBelowTheThresholdAreHiddenAboveSchoolLevelAndZeroIsShown() {
        Suppression cluster = Suppression.aboveSchool(5);
        Cell zero = cluster.cell(0);
        Cell one = cluster.cell(1);
        Cell four = cluster.cell(4);
        Cell five = cluster.cell(5);
        cluster.apply();
        assertThat(cluster.count(zero)).isEqualTo(Count.of(0));
        assertThat(cluster.count(one).suppressed()).isTrue();
        assertThat(cluster.count(four)).isEqualTo(Count.hidden());
        assertThat(cluster.count(five)).isEqualTo(Count.of(5));
    }

    @Test
    void aSchoolsOwnStaffSeeSmallCounts() {
        Suppression school = Suppression.exact(5);
        Cell two = school.cell(2);
        Cell total = school.cell(9);
        school.group(total, List.of(two, school.cell(7)));
        school.apply();
        assertThat(school.count(two)).isEqualTo(Count.of(2));
    }

    @Test
    void theDemoClusterZuidDoesNotGiveAwaySchoolD() {
        // cluster-zuid, home-situation signals: 9 in total, school-e 5 — so school-d would be 9 - 5 = 4
        Suppression cluster = Suppression.aboveSchool(5);
        Cell schoolD = cluster.cell(4);
        Cell schoolE = cluster.cell(5);
        Cell total = cluster.cell(9);
        cluster.group(total, List.of(schoolD, schoolE));
        cluster.apply();
        assertThat(cluster.count(schoolD).suppressed()).isTrue();
        assertThat(cluster.count(schoolE).suppressed()).as("the smallest visible cell hides with it").isTrue();
        assertThat(cluster.count(total)).isEqualTo(Count.of(9));
    }

    @Test
    void twoHiddenOnesUnderAShownTotalGetCompanyBecauseZeroIsShown() {
        // d + e = 12 - 10 = 2, and neither is 0 (zeros are shown), so both are 1 unless a third cell hides
        Suppression cluster = Suppression.aboveSchool(5);
        Cell d = cluster.cell(1);
        Cell e = cluster.cell(1);
        Cell f = cluster.cell(10);
        Cell total = cluster.cell(12);
        cluster.group(total, List.of(d, e, f));
        cluster.apply();
        assertThat(cluster.count(f).suppressed()).isTrue();
    }

    @Test
    void aCellGivenAwayOnlyByCombiningGroupsIsFoundByTheAudit() {
        // Two 2x2 blocks of hidden cells joined by one hidden cell (a "bridge"): every row and column has two
        // or more hidden cells, yet rows 1+2 minus columns 1+2 give the bridge exactly.
        Suppression table = Suppression.aboveSchool(5);
        int[][] values = {
                {2, 3, 4, 0, 9},
                {3, 2, 0, 0, 20},
                {0, 0, 2, 3, 20},
                {0, 0, 3, 2, 20},
                {10, 10, 10, 10, 10}};
        Cell[][] cells = new Cell[5][5];
        for (int r = 0; r < 5; r++) {
            for (int c = 0; c < 5; c++) {
                cells[r][c] = table.cell(values[r][c]);
            }
        }
        Cell[] rowTotals = new Cell[5];
        Cell[] columnTotals = new Cell[5];
        for (int i = 0; i < 5; i++) {
            int sum = 0;
            for (int j = 0; j < 5; j++) {
                sum += values[i][j];
            }
            rowTotals[i] = table.cell(sum);
        }
        for (int j = 0; j < 5; j++) {
            int sum = 0;
            for (int i = 0; i < 5; i++) {
                sum += values[i][j];
            }
            columnTotals[j] = table.cell(sum);
        }
        for (int i = 0; i < 5; i++) {
            int row = i;
            table.group(rowTotals[i], List.of(cells[i]));
            table.group(columnTotals[i], java.util.stream.IntStream.range(0, 5).mapToObj(r -> cells[r][row]).toList());
        }
        table.apply();
        assertThat(Suppression.Audit.firstDerivable(
                java.util.stream.Stream.concat(java.util.Arrays.stream(rowTotals), java.util.Arrays.stream(columnTotals)).toList(),
                java.util.stream.Stream.concat(java.util.Arrays.stream(cells).map(List::of),
                        java.util.stream.IntStream.range(0, 5).mapToObj(c -> java.util.Arrays.stream(cells).map(row -> row[c]).toList())).toList(),
                java.util.Arrays.stream(cells).flatMap(java.util.Arrays::stream).toList())).isNull();
        assertThat(table.count(cells[0][2]).suppressed()).isTrue();
    }

    @Test
    void sharesAndMediansOverAHiddenCountAreHidden() {
        Suppression cluster = Suppression.aboveSchool(5);
        Cell three = cluster.cell(3);
        Cell six = cluster.cell(6);
        Cell twoCases = cluster.cell(2);
        Cell fiveCases = cluster.cell(5);
        cluster.apply();
        assertThat(cluster.share(1, three).suppressed()).isTrue();
        assertThat(cluster.share(3, six).percentage()).isEqualTo(50);
        assertThat(cluster.median(new double[] {1.0, 2.0}, twoCases).suppressed()).isTrue();
        assertThat(cluster.median(new double[] {10.0, 2.0, 4.0, 1.0, 3.0}, fiveCases).days()).isEqualTo(3.0);

        Suppression school = Suppression.exact(5);
        Cell cases = school.cell(2);
        school.apply();
        assertThat(school.median(new double[] {2.0, 1.0}, cases).days()).isEqualTo(1.5);
    }
}
