package nl.meldspoor.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The bench's one table (what | measured | raw baseline | ratio | goal) and the notes printed before it. */
final class Report {

    /** One probe's line; {@code measured} is empty when the probe produced no figure. */
    record Row(String what, String measured, String raw, String ratio, String goal) {
        boolean hasFigure() {
            return measured != null && !measured.isBlank() && !measured.contains("NaN");
        }
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    synchronized void row(String what, String measured, String raw, String ratio, String goal) {
        rows.add(new Row(what, measured, raw, ratio, goal));
        // logged as it comes, so that a run stopped before the end still leaves its figures
        org.slf4j.LoggerFactory.getLogger(Report.class).info("row: {} | {} | {} | {} | {}", what, measured, raw, ratio, goal);
    }

    synchronized void note(String note) {
        notes.add(note);
        org.slf4j.LoggerFactory.getLogger(Report.class).info("note: {}", note);
    }

    synchronized List<String> notes() {
        return List.copyOf(notes);
    }

    synchronized List<Row> rows() {
        return List.copyOf(rows);
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    /** measured / raw as "x.xx×" (or "1 : n" when the service is slower by n). */
    static String ratio(double measured, double raw) {
        if (Double.isNaN(measured) || Double.isNaN(raw) || raw == 0) {
            return "—";
        }
        return String.format(Locale.ROOT, "%.2f", measured / raw);
    }

    synchronized String markdown() {
        StringBuilder out = new StringBuilder();
        notes.forEach(note -> out.append("- ").append(note).append('\n'));
        out.append('\n').append(table());
        return out.toString();
    }

    synchronized String table() {
        StringBuilder out = new StringBuilder("| what | measured | raw baseline | ratio | goal |\n|---|---|---|---|---|\n");
        for (Row row : rows) {
            out.append("| ").append(String.join(" | ", cell(row.what()), cell(row.measured()), cell(row.raw()), cell(row.ratio()), cell(row.goal())))
                    .append(" |\n");
        }
        return out.toString();
    }

    private static String cell(String text) {
        return text == null || text.isBlank() ? "—" : text.replace("|", "\\|");
    }

    void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "# Meldspoor benchmark\n\n" + markdown());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
