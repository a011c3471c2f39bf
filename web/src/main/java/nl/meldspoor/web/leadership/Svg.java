package nl.meldspoor.web.leadership;

import java.util.Locale;

/**
 * Draws a {@link Chart} as plain SVG on the server: no script, no canvas, so it prints, exports and shows without
 * JavaScript. Only numbers the service gave are drawn; a suppressed cell gets no bar or point, only its words
 * ("minder dan 5") and a legend, so no size can be read from it. Colours are presentation attributes, not inline
 * styles, because the pages' Content-Security-Policy allows no inline style.
 */
final class Svg {

    private static final String BAR = "#0f5b63";
    private static final String TEXT = "#0b0c0c";
    private static final String AXIS = "#505a5f";
    private static final int WIDTH = 640;

    private Svg() {
    }

    static String render(Chart chart) {
        return chart.columns() ? columns(chart) : bars(chart);
    }

    /** Horizontal bars: one row per label, so many schools or long category names stay readable. */
    private static String bars(Chart chart) {
        int row = 24;
        int labelWidth = 230;
        int valueWidth = 110;
        int top = 8;
        int plot = WIDTH - labelWidth - valueWidth;
        int height = top + chart.bars().size() * row + (chart.anySuppressed() ? 30 : 10);
        double max = max(chart);
        StringBuilder svg = open(chart, height);
        svg.append(line(labelWidth, top - 4, labelWidth, top + chart.bars().size() * row));
        int y = top;
        for (Chart.Bar bar : chart.bars()) {
            svg.append(text(labelWidth - 8, y + 16, "end", clip(bar.label(), 34), ""));
            if (bar.suppressed()) {
                svg.append(text(labelWidth + 8, y + 16, "start", bar.text(), " class=\"meldspoor-chart__suppressed\" font-style=\"italic\""));
            } else {
                double width = bar.value() == null ? 0 : plot * bar.value() / max;
                if (width > 0) {
                    svg.append(String.format(Locale.ROOT, "<rect class=\"meldspoor-chart__bar\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>",
                            labelWidth, y + 4, width, row - 8, BAR));
                }
                svg.append(text((int) Math.round(labelWidth + width + 6), y + 16, "start", bar.text(), ""));
            }
            y += row;
        }
        legend(chart, svg, height);
        return svg.append("</svg>").toString();
    }

    /** Vertical columns: a trend over months, left to right. */
    private static String columns(Chart chart) {
        int top = 20;
        int plotHeight = 160;
        int left = 10;
        int bottom = top + plotHeight;
        int height = bottom + 30 + (chart.anySuppressed() ? 24 : 0);
        int n = Math.max(1, chart.bars().size());
        double slot = (WIDTH - 2.0 * left) / n;
        double max = max(chart);
        StringBuilder svg = open(chart, height);
        svg.append(line(left, bottom, WIDTH - left, bottom));
        for (int i = 0; i < chart.bars().size(); i++) {
            Chart.Bar bar = chart.bars().get(i);
            double x = left + i * slot;
            int middle = (int) Math.round(x + slot / 2);
            svg.append(text(middle, bottom + 16, "middle", bar.label(), " font-size=\"11\""));
            if (bar.suppressed()) {
                // no column: the table's words, over two lines to fit a month's slot
                String attributes = " class=\"meldspoor-chart__suppressed\" font-style=\"italic\" font-size=\"10\"";
                int space = bar.text().indexOf(' ');
                svg.append(text(middle, bottom - 18, "middle", space < 0 ? bar.text() : bar.text().substring(0, space), attributes));
                svg.append(text(middle, bottom - 6, "middle", space < 0 ? "" : bar.text().substring(space + 1), attributes));
                continue;
            }
            double h = bar.value() == null ? 0 : plotHeight * bar.value() / max;
            if (h > 0) {
                svg.append(String.format(Locale.ROOT, "<rect class=\"meldspoor-chart__bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
                        x + slot * 0.15, bottom - h, slot * 0.7, h, BAR));
            }
            svg.append(text(middle, (int) Math.round(bottom - h - 4), "middle", bar.text(), " font-size=\"11\""));
        }
        legend(chart, svg, height);
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(Chart chart, int height) {
        StringBuilder svg = new StringBuilder(2048);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"meldspoor-chart__svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" width=\"100%\" role=\"img\" aria-labelledby=\"").append(chart.id()).append("-svg-title\"")
                .append(" font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif\" font-size=\"13\">");
        svg.append("<title id=\"").append(chart.id()).append("-svg-title\">").append(escape(chart.title()))
                .append(" (grafiek; de cijfers staan in de tabel)</title>");
        return svg;
    }

    private static void legend(Chart chart, StringBuilder svg, int height) {
        if (chart.anySuppressed()) {
            svg.append(text(10, height - 8, "start",
                    "Cursief, zonder staaf: kleine aantallen (minder dan de drempel) worden niet getoond.",
                    " class=\"meldspoor-chart__legend\" font-style=\"italic\" font-size=\"11\""));
        }
    }

    private static double max(Chart chart) {
        double max = chart.bars().stream().filter(bar -> !bar.suppressed() && bar.value() != null).mapToDouble(Chart.Bar::value).max().orElse(0);
        return max <= 0 ? 1 : max;
    }

    private static String line(int x1, int y1, int x2, int y2) {
        return "<line x1=\"" + x1 + "\" y1=\"" + y1 + "\" x2=\"" + x2 + "\" y2=\"" + y2 + "\" stroke=\"" + AXIS + "\" stroke-width=\"1\"/>";
    }

    private static String text(int x, int y, String anchor, String content, String attributes) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" text-anchor=\"" + anchor + "\" fill=\"" + TEXT + "\"" + attributes + ">" + escape(content) + "</text>";
    }

    private static String clip(String label, int length) {
        return label.length() <= length ? label : label.substring(0, length - 1) + "…";
    }

    /** Names come from the board's configuration: never let them break out of the SVG. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
