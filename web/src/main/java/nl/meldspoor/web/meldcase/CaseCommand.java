package nl.meldspoor.web.meldcase;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One command of the case-service as a form: its path, the page it lives on, and its fields. The form's field names are
 * the service's JSON paths (e.g. {@code kindcheck.outcome}), so a refusal's {@code field} lands next to that field.
 */
public record CaseCommand(String slug, String path, String page, String title, String button, List<Field> fields) {

    static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Amsterdam");

    /** PERSON: a colleague chosen from the school's staff (its options are the roles to offer), a text box when none can be listed. */
    public enum Kind { TEXT, TEXTAREA, MOMENT, DATE, CHECKBOX, LIST, CHOICE, YES_NO, TASKS, HIDDEN, PERSON }

    /** One line of "Controleer en bevestig": a field's label and what was typed, in the form's words. */
    public record Row(String label, String value) {
    }

    private static final java.time.format.DateTimeFormatter SHOWN_MOMENT =
            java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", java.util.Locale.forLanguageTag("nl-NL"));
    private static final java.time.format.DateTimeFormatter SHOWN_DAY =
            java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", java.util.Locale.forLanguageTag("nl-NL"));

    public record Option(String value, String label) {
    }

    /** One field; {@code hint} and {@code options} may be empty. */
    public record Field(String name, Kind kind, String label, String hint, boolean optional, List<Option> options) {

        public String id() {
            return name;
        }
    }

    static Field field(String name, Kind kind, String label) {
        return new Field(name, kind, label, "", false, List.of());
    }

    static Field optional(String name, Kind kind, String label) {
        return new Field(name, kind, label, "", true, List.of());
    }

    static Field hinted(String name, Kind kind, String label, String hint) {
        return new Field(name, kind, label, hint, false, List.of());
    }

    static Field choice(String name, String label, Option... options) {
        return new Field(name, Kind.CHOICE, label, "", false, List.of(options));
    }

    /** A colleague of the school holding one of the roles (TEACHER, ADVISOR, …). */
    static Field person(String name, String label, String... roles) {
        return new Field(name, Kind.PERSON, label, "", false, Arrays.stream(roles).map(role -> new Option(role, role)).toList());
    }

    static Option option(String value, String label) {
        return new Option(value, label);
    }

    /** The field a service's field path concerns ({@code staffPresent[0]} → {@code staffPresent}), or null. */
    public String fieldOf(String serviceField) {
        if (serviceField == null) {
            return null;
        }
        String path = serviceField.replaceAll("\\[\\d+]", "");
        for (Field field : fields) {
            if (field.kind() != Kind.HIDDEN && (path.equals(field.name()) || path.startsWith(field.name() + "."))) {
                return field.name();
            }
        }
        return null;
    }

    private Field field(String name) {
        return fields.stream().filter(field -> field.name().equals(name)).findFirst().orElse(null);
    }

    /** How the error summary names a field: its label, or "Antwoord" for an afweging's question (the question itself is long). */
    public String summaryLabel(String name) {
        Field field = name == null ? null : field(name);
        if (field == null) {
            return "";
        }
        return "afweging".equals(slug) && "answer".equals(name) ? "Antwoord" : field.label();
    }

    /** The id of the input the error summary links to (the first option of a choice), as parts.html renders it. */
    public String inputId(String name) {
        Field field = name == null ? null : field(name);
        if (field == null) {
            return "";
        }
        String id = slug + "-" + name;
        return switch (field.kind()) {
            case CHOICE -> id + "-0";
            case YES_NO -> id + "-ja";
            default -> id;
        };
    }

    /** What will be sent, one row per field, in the form's own words (the option's label, Ja/Nee, a Dutch date). */
    public java.util.List<Row> review(Map<String, String> typed) {
        java.util.List<Row> rows = new ArrayList<>();
        for (Field field : fields) {
            String value = typed.getOrDefault(field.name(), "").strip();
            if (field.kind() == Kind.HIDDEN) {
                if ("question".equals(field.name()) && Afwegingen.QUESTIONS.containsKey(value)) {
                    rows.add(new Row("Vraag", Afwegingen.QUESTIONS.get(value)));
                }
                continue;
            }
            String label = "afweging".equals(slug) && "answer".equals(field.name()) ? "Antwoord" : field.label();
            rows.add(new Row(label, shown(field, value)));
        }
        return rows;
    }

    private static String shown(Field field, String value) {
        switch (field.kind()) {
            case CHECKBOX:
                return "true".equals(value) ? "Ja" : "Nee";
            case YES_NO:
                return "true".equals(value) ? "Ja" : "false".equals(value) ? "Nee" : "Niet ingevuld";
            case CHOICE:
                return field.options().stream().filter(option -> option.value().equals(value)).map(Option::label).findFirst()
                        .orElse(value.isEmpty() ? "Niet gekozen" : value);
            case MOMENT:
                try {
                    return LocalDateTime.parse(value).format(SHOWN_MOMENT);
                } catch (DateTimeParseException unreadable) {
                    return value.isEmpty() ? "Niet ingevuld" : value;
                }
            case DATE:
                try {
                    return LocalDate.parse(value).format(SHOWN_DAY);
                } catch (DateTimeParseException unreadable) {
                    return value.isEmpty() ? "Niet ingevuld" : value;
                }
            default:
                return value.isEmpty() ? "Niet ingevuld" : value;
        }
    }

    /**
     * The request body as the service reads it, from what the person typed. What cannot be read is sent as null, so the
     * service names the field in its own words.
     */
    public Map<String, Object> body(Map<String, String> typed) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (Field field : fields) {
            String value = typed.getOrDefault(field.name(), "").strip();
            put(body, field.name(), switch (field.kind()) {
                case CHECKBOX -> "true".equals(value);
                case YES_NO -> value.isEmpty() ? null : Boolean.valueOf(value);
                case MOMENT -> moment(value);
                case LIST -> Arrays.stream(value.split("[,;\\n]")).map(String::strip).filter(part -> !part.isEmpty()).toList();
                case TASKS -> tasks(value);
                default -> value.isEmpty() ? null : value;
            });
        }
        return body;
    }

    /** A date and time typed in the school's zone as the instant the service expects. */
    static String moment(String value) {
        try {
            return LocalDateTime.parse(value).atZone(SCHOOL_ZONE).toInstant().toString();
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    static String today() {
        return LocalDate.now(SCHOOL_ZONE).toString();
    }

    /** Now to the second: a moment rounded down to the minute could fall before the step it follows, which the case refuses. */
    static String now() {
        return LocalDateTime.now(SCHOOL_ZONE).withNano(0).toString();
    }

    /** One task a line: "wie: wat". */
    private static List<Map<String, String>> tasks(String value) {
        List<Map<String, String>> tasks = new ArrayList<>();
        for (String line : value.split("\\n")) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            tasks.add(Map.of("assignee", colon < 0 ? "" : line.substring(0, colon).strip(),
                    "task", colon < 0 ? line.strip() : line.substring(colon + 1).strip()));
        }
        return tasks;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> body, String path, Object value) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            body.put(path, value);
            return;
        }
        Map<String, Object> nested = (Map<String, Object>) body.computeIfAbsent(path.substring(0, dot), key -> new LinkedHashMap<>());
        put(nested, path.substring(dot + 1), value);
    }

    /** The values a fresh form starts with: now for a moment, today for a date. */
    public Map<String, String> defaults() {
        Map<String, String> values = new LinkedHashMap<>();
        for (Field field : fields) {
            if (field.kind() == Kind.MOMENT) {
                values.put(field.name(), now());
            } else if (field.kind() == Kind.DATE && !field.optional()) {
                values.put(field.name(), field.name().equals("term") ? "" : today());
            }
        }
        return values;
    }
}
