package nl.meldspoor.web.incident;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The register's filter as the person chose it.
 *
 * @param from        first day, inclusive
 * @param through     last day, inclusive (the service takes the day after: {@link #toExclusive()})
 * @param type        an incident type code, or {@code null} for all
 * @param status      a protocol status code, or {@code null} for all
 */
public record RegisterFilter(LocalDate from, LocalDate through, String type, String status) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl"));

    public LocalDate toExclusive() {
        return through == null ? null : through.plusDays(1);
    }

    /** The filter in words, stated on the screen and on the PDF so a printed register says what it is a selection of. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (from != null && through != null) {
            parts.add("periode " + DAY.format(from) + " tot en met " + DAY.format(through));
        } else if (from != null) {
            parts.add("vanaf " + DAY.format(from));
        } else if (through != null) {
            parts.add("tot en met " + DAY.format(through));
        } else {
            parts.add("alle periodes");
        }
        parts.add(type == null ? "alle soorten" : "soort: " + IncidentWords.type(type));
        parts.add(status == null ? "elke voortgang" : "voortgang: " + IncidentWords.protocolStatus(status));
        return "Filter: " + String.join("; ", parts) + ".";
    }

    /** The filter as the query of the page's own links (CSV, PDF). */
    public String query() {
        List<String> parts = new ArrayList<>();
        if (from != null) {
            parts.add("van=" + from);
        }
        if (through != null) {
            parts.add("tot=" + through);
        }
        if (type != null) {
            parts.add("soort=" + type);
        }
        if (status != null) {
            parts.add("voortgang=" + status);
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }
}
