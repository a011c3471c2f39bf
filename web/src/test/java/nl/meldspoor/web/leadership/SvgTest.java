package nl.meldspoor.web.leadership;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.meldspoor.web.leadership.DashboardFigures.Count;
import org.junit.jupiter.api.Test;

class SvgTest {

    private static long rects(String svg) {
        return svg.split("<rect class=\"meldspoor-chart__bar\"", -1).length - 1L;
    }

    @Test
    void aSuppressedCountIsWrittenOutAndNeverDrawnInBarsOrColumns() {
        List<Chart.Bar> bars = List.of(Chart.count("OBS De Vlinder", Count.of(12), 5, null),
                Chart.count("SBO De Brug", Count.hidden(), 5, null), Chart.count("CBS De Regenboog", Count.of(0), 5, null));
        for (boolean columns : List.of(false, true)) {
            String svg = new Chart("c", "Dossiers", "School", "Aantal", "", columns, bars).svg();

            assertThat(rects(svg)).as("only the 12 is drawn; zero and suppressed get no mark").isEqualTo(1);
            assertThat(svg).contains("minder", "niet getoond", "<title id=\"c-svg-title\">").doesNotContain("<script");
        }
        assertThat(bars.get(1).text()).isEqualTo("minder dan 5");
    }

    @Test
    void barsAreDrawnToScaleOfTheLargestShownNumber() {
        String svg = new Chart("c", "Signalen", "Maand", "Aantal", "", false,
                List.of(Chart.count("a", Count.of(10), 5, null), Chart.count("b", Count.of(5), 5, null))).svg();

        assertThat(svg).contains("width=\"300.0\"", "width=\"150.0\"");
    }

    @Test
    void aSchoolNameCannotBreakOutOfTheSvg() {
        String svg = new Chart("c", "T", "School", "Aantal", "", false,
                List.of(Chart.count("<script>alert(1)</script> & \"x\"", Count.of(1), 5, null))).svg();

        assertThat(svg).doesNotContain("<script>").contains("&lt;script&gt;", "&amp;");
    }

    @Test
    void aDocumentationShareOverASuppressedBasisIsWordsAndNoBar() {
        List<Chart.Bar> bars = List.of(
                Chart.share("Stap 1", new DashboardFigures.Share(80, Count.of(10), false), 5, null),
                Chart.share("Stap 3", new DashboardFigures.Share(null, Count.hidden(), true), 5, null),
                Chart.share("Stap 4", new DashboardFigures.Share(null, Count.of(0), false), 5, null));

        String svg = new Chart("d", "Vastgelegd per stap", "Stap", "Vastgelegd", "%", false, bars).svg();

        assertThat(rects(svg)).isEqualTo(1);
        assertThat(svg).contains("80%", "minder dan 5", "geen dossiers").doesNotContain("null");
    }

    @Test
    void aMonthlyColumnChartWithOnlySuppressedMonthsDrawsNoColumn() {
        String svg = new Chart("m", "Incidenten per maand: Diefstal", "Maand", "Aantal", "", true,
                List.of(Chart.count("sep 26", Count.hidden(), 5, null), Chart.count("okt 26", Count.of(0), 5, null))).svg();

        assertThat(rects(svg)).isZero();
        assertThat(svg).contains("minder", "dan 5", "niet getoond");
    }

    @Test
    void aMedianReadsInDutchDaysAndASuppressedOneHasNoNumber() {
        assertThat(Chart.median("s", new DashboardFigures.Median(3.5, Count.of(7), false), 5).text()).isEqualTo("3,5 dagen");
        assertThat(Chart.median("s", new DashboardFigures.Median(null, Count.hidden(), true), 5).value()).isNull();
    }
}
