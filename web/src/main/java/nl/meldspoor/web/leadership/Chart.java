package nl.meldspoor.web.leadership;

import java.util.List;
import java.util.Locale;

/**
 * One chart and the table beside it, built from the same bars so the two can never disagree.
 *
 * @param id          the HTML id of the figure (unique on a page)
 * @param columns     vertical columns (a trend over months) rather than horizontal bars (categories, schools, steps)
 * @param labelHeader header of the table's first column
 * @param valueHeader header of the table's value column
 * @param unit        suffix drawn after a value in the SVG ("%", " dagen"), empty for counts
 */
public record Chart(String id, String title, String labelHeader, String valueHeader, String unit, boolean columns, List<Bar> bars) {

    public Chart {
        bars = List.copyOf(bars);
    }

    /**
     * @param value      the number to draw, {@code null} when there is nothing to draw (suppressed, no basis)
     * @param suppressed too small to show: read "minder dan 5", never drawn
     * @param text       what the table and the SVG say
     * @param href       a link for the label (a school's own dashboard), or {@code null}
     */
    public record Bar(String label, Double value, boolean suppressed, String text, String href) {
    }

    /** A count as the service gave it. */
    static Bar count(String label, DashboardFigures.Count count, int threshold, String href) {
        if (count == null) {
            return new Bar(label, null, false, "–", href);
        }
        if (count.suppressed()) {
            return new Bar(label, null, true, suppressedText(threshold), href);
        }
        return count.value() == null ? new Bar(label, null, false, "–", href)
                : new Bar(label, count.value().doubleValue(), false, count.value().toString(), href);
    }

    static Bar share(String label, DashboardFigures.Share share, int threshold, String href) {
        if (share == null) {
            return new Bar(label, null, false, "–", href);
        }
        if (share.suppressed()) {
            return new Bar(label, null, true, suppressedText(threshold), href);
        }
        return share.percentage() == null ? new Bar(label, null, false, "geen dossiers", href)
                : new Bar(label, share.percentage().doubleValue(), false, share.percentage() + "%", href);
    }

    static Bar median(String label, DashboardFigures.Median median, int threshold) {
        if (median == null) {
            return new Bar(label, null, false, "–", null);
        }
        if (median.suppressed()) {
            return new Bar(label, null, true, suppressedText(threshold), null);
        }
        return median.days() == null ? new Bar(label, null, false, "geen dossiers", null)
                : new Bar(label, median.days(), false, days(median.days()), null);
    }

    static String days(double days) {
        String number = String.format(Locale.ROOT, "%.1f", days).replace('.', ',');
        return number.endsWith(",0") ? number.substring(0, number.length() - 2) + " dagen" : number + " dagen";
    }

    /** The UI's wording for a suppressed cell: "minder dan 5" at the service's threshold. */
    static String suppressedText(int threshold) {
        return "minder dan " + threshold;
    }

    public boolean anySuppressed() {
        return bars.stream().anyMatch(Bar::suppressed);
    }

    public String svg() {
        return Svg.render(this);
    }
}
