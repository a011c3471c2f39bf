package nl.meldspoor.local;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The expected access matrix of {@code access-matrix.md}: a markdown table with a row per endpoint
 * ({@code METHOD service path}, optionally a variant in the {@code as} column such as {@code incidentId=meldplicht})
 * and a column per caller. Parses the table, checks it against the endpoints the services document, and compares
 * outcomes cell by cell, so a missing row, a stale row or a wrong answer is reported as a readable list.
 */
final class AccessMatrix {

    static final String OK = "ok";
    static final String REFUSED = "no";
    static final String UNAUTHENTICATED = "401";

    /** One row: an endpoint, the variant of its path variables, and the expected cell per caller. */
    record Row(String endpoint, String as, Map<String, String> expected) {

        String key() {
            return as.isEmpty() ? endpoint : endpoint + " [" + as + "]";
        }

        String method() {
            return endpoint.split(" ", 3)[0];
        }

        String service() {
            return endpoint.split(" ", 3)[1];
        }

        String path() {
            return endpoint.split(" ", 3)[2];
        }

        /** The variant's variable overrides: {@code incidentId=meldplicht level=cluster}. */
        Map<String, String> overrides() {
            Map<String, String> overrides = new LinkedHashMap<>();
            for (String pair : as.split("\\s+")) {
                if (pair.contains("=")) {
                    overrides.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
                }
            }
            return overrides;
        }
    }

    /** What one caller got from one endpoint. */
    record Outcome(String row, String caller, int status, String body) {
    }

    /** A cell whose outcome differs from the expectation. */
    record Mismatch(String row, String caller, String expected, String actual, int status, String body) {

        @Override
        public String toString() {
            return String.format("%-90s %-16s expected %-3s got %-3s (HTTP %d) %s", row, caller, expected, actual, status, body);
        }
    }

    private final List<String> callers;
    private final List<Row> rows;

    private AccessMatrix(List<String> callers, List<Row> rows) {
        this.callers = callers;
        this.rows = rows;
    }

    List<String> callers() {
        return callers;
    }

    List<Row> rows() {
        return rows;
    }

    /** The first markdown table of the text: header {@code | endpoint | as | caller… |}, then one line per row. */
    static AccessMatrix parse(String markdown) {
        List<String> callers = null;
        List<Row> rows = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        for (String line : markdown.split("\\R")) {
            String trimmed = line.strip();
            if (!trimmed.startsWith("|") || trimmed.matches("\\|[\\s:|-]*")) {
                continue;
            }
            List<String> cells = Arrays.stream(trimmed.substring(1, trimmed.endsWith("|") ? trimmed.length() - 1 : trimmed.length())
                    .split("\\|", -1)).map(String::strip).toList();
            if (callers == null) {
                // Tables before the matrix (the legend) are text; the matrix is the table headed | endpoint | as | caller… |.
                if (cells.size() >= 3 && cells.get(0).equals("endpoint") && cells.get(1).equals("as")) {
                    callers = cells.subList(2, cells.size());
                }
                continue;
            }
            if (cells.size() != callers.size() + 2) {
                throw new IllegalArgumentException("Row with " + cells.size() + " cells, the header has " + (callers.size() + 2) + ": " + line);
            }
            if (cells.get(0).split(" ", 3).length != 3) {
                throw new IllegalArgumentException("An endpoint is 'METHOD service path': " + line);
            }
            Map<String, String> expected = new LinkedHashMap<>();
            for (int i = 0; i < callers.size(); i++) {
                String cell = cells.get(i + 2);
                if (!cell.equals(OK) && !cell.equals(REFUSED) && !cell.matches("\\d{3}")) {
                    throw new IllegalArgumentException("Unknown cell '" + cell + "' (ok, no or an HTTP status): " + line);
                }
                expected.put(callers.get(i), cell);
            }
            Row row = new Row(cells.get(0), cells.get(1), expected);
            if (!keys.add(row.key())) {
                throw new IllegalArgumentException("Row twice: " + row.key());
            }
            rows.add(row);
        }
        if (callers == null) {
            throw new IllegalArgumentException("No table headed | endpoint | as | caller… | in the access matrix");
        }
        return new AccessMatrix(List.copyOf(callers), List.copyOf(rows));
    }

    /** Endpoints that exist without a row (the build must fail: a new endpoint needs its rule). */
    List<String> endpointsWithoutRow(Collection<String> endpoints) {
        Set<String> covered = rows.stream().filter(row -> row.as().isEmpty()).map(Row::endpoint).collect(Collectors.toSet());
        return endpoints.stream().filter(endpoint -> !covered.contains(endpoint)).sorted().toList();
    }

    /** Rows whose endpoint no longer exists (a rule for nothing hides that an endpoint moved). */
    List<String> rowsWithoutEndpoint(Collection<String> endpoints) {
        return rows.stream().map(Row::endpoint).filter(endpoint -> !endpoints.contains(endpoint)).distinct().sorted().toList();
    }

    /**
     * The class of an answer: 401 is {@code 401}; 403, and 404 on a record that exists, are {@code no}; a 400 is itself
     * (the body was not valid, so the answer says nothing about access); anything else got past the access check: {@code ok}.
     */
    static String classify(int status) {
        return switch (status) {
            case 401 -> UNAUTHENTICATED;
            case 403, 404 -> REFUSED;
            case 400 -> "400";
            default -> OK;
        };
    }

    static boolean matches(String expected, int status) {
        return expected.matches("\\d{3}") && !expected.equals(UNAUTHENTICATED) ? status == Integer.parseInt(expected) : expected.equals(classify(status));
    }

    List<Mismatch> compare(Collection<Outcome> outcomes) {
        Map<String, Row> byKey = rows.stream().collect(Collectors.toMap(Row::key, row -> row));
        List<Mismatch> mismatches = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            String expected = byKey.get(outcome.row()).expected().get(outcome.caller());
            if (!matches(expected, outcome.status())) {
                mismatches.add(new Mismatch(outcome.row(), outcome.caller(), expected, classify(outcome.status()), outcome.status(), outcome.body()));
            }
        }
        return mismatches;
    }

    /** The outcomes as matrix rows, to review and paste when the services changed on purpose. */
    String render(Collection<Outcome> outcomes) {
        Map<String, Map<String, Integer>> table = new LinkedHashMap<>();
        outcomes.forEach(outcome -> table.computeIfAbsent(outcome.row(), row -> new LinkedHashMap<>()).put(outcome.caller(), outcome.status()));
        StringBuilder text = new StringBuilder();
        table.forEach((row, statuses) -> {
            String endpoint = row.contains(" [") ? row.substring(0, row.indexOf(" [")) : row;
            String as = row.contains(" [") ? row.substring(row.indexOf(" [") + 2, row.length() - 1) : "";
            text.append("| ").append(endpoint).append(" | ").append(as).append(" |");
            callers.forEach(caller -> text.append(' ').append(statuses.containsKey(caller) ? classify(statuses.get(caller)) : "?").append(" |"));
            text.append("   <!-- ").append(callers.stream().map(caller -> String.valueOf(statuses.get(caller))).collect(Collectors.joining(" "))).append(" -->\n");
        });
        return text.toString();
    }
}
