package nl.meldspoor.reporting.incident;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The register as CSV for the yearly analysis and the inspectie: semicolon-separated (as Dutch
 * spreadsheets expect), times in Europe/Amsterdam, Dutch labels, no free text and no persons.
 */
final class IncidentCsv {

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Europe/Amsterdam"));
    private static final String HEADER = String.join(";", "kenmerk", "school", "datum en tijd", "bekend sinds", "vastgelegd",
            "soort incident", "ernst", "protocol", "meldplicht", "status", "voortgang protocol", "stappen", "ouders geïnformeerd",
            "ouders geïnformeerd op", "politie betrokken", "minuten tot melding bestuur", "afgesloten op");

    private IncidentCsv() {
    }

    static String of(List<IncidentLine> lines) {
        return Stream.concat(Stream.of(HEADER), lines.stream().map(IncidentCsv::row)).collect(Collectors.joining("\r\n", "", "\r\n"));
    }

    private static String row(IncidentLine line) {
        return Stream.of(line.incidentId(), line.schoolId(), moment(line.occurredAt()), moment(line.firstKnownAt()), moment(line.recordedAt()),
                        line.type().label(), line.severity().label(), line.track().label(), line.meldplicht() ? "ja" : "nee", line.status().name(),
                        line.protocolStatus().name(), Integer.toString(line.protocolSteps()),
                        line.parentsInformedHow() == null ? "" : line.parentsInformedHow().label(), moment(line.parentsInformedAt()),
                        line.policeInvolved() ? "ja" : "nee", line.minutesToBoard() == null ? "" : line.minutesToBoard().toString(),
                        moment(line.closedAt()))
                .map(IncidentCsv::cell)
                .collect(Collectors.joining(";"));
    }

    private static String moment(Instant instant) {
        return instant == null ? "" : MOMENT.format(instant);
    }

    /** Quotes a cell when it holds a separator, quote or line break; a leading =, +, - or @ is neutralised against formula injection. */
    static String cell(String value) {
        String safe = value.isEmpty() || "=+-@".indexOf(value.charAt(0)) < 0 ? value : "'" + value;
        return safe.contains(";") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
                ? "\"" + safe.replace("\"", "\"\"") + "\""
                : safe;
    }
}
