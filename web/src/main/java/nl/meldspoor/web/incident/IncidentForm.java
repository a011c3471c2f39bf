package nl.meldspoor.web.incident;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One command on an incident as one form: its fields in the service's names, so a refusal's {@code field} lands next to
 * the field it concerns, and how the typed text becomes the command's JSON body.
 *
 * @param slug    the form's address below {@code /incidenten/{id}/}
 * @param path    the command's path below {@code /api/incidents/{id}/}
 * @param confirm whether the command is shown once more for "Controleer en bevestig" before it is sent (the meldplicht)
 */
public record IncidentForm(String slug, String path, String title, String button, List<Field> fields, boolean confirm) {

    public enum Kind { MOMENT, TEXT, TEXTAREA, LIST, CHOICE, YES_NO, HIDDEN }

    public record Field(String name, Kind kind, String label, String hint, boolean optional, Map<String, String> options) {
    }

    static Field field(String name, Kind kind, String label) {
        return new Field(name, kind, label, "", false, Map.of());
    }

    static Field optional(String name, Kind kind, String label) {
        return new Field(name, kind, label, "", true, Map.of());
    }

    static Field hinted(String name, Kind kind, String label, String hint, boolean optional) {
        return new Field(name, kind, label, hint, optional, Map.of());
    }

    static Field choice(String name, String label, Map<String, String> options) {
        return new Field(name, Kind.CHOICE, label, "", false, options);
    }

    /** What the person typed, as the command's body; an unreadable moment is left out so the service names it. */
    Map<String, Object> body(Map<String, String> typed) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (Field field : fields) {
            String value = typed.getOrDefault(field.name(), "").strip();
            if (value.isEmpty()) {
                continue;
            }
            switch (field.kind()) {
                case MOMENT -> {
                    Object moment = moment(value);
                    if (moment != null) {
                        body.put(field.name(), moment);
                    } else {
                        body.put(field.name(), value);
                    }
                }
                case LIST -> body.put(field.name(), list(value));
                case YES_NO -> body.put(field.name(), Boolean.valueOf(value));
                default -> body.put(field.name(), value);
            }
        }
        return body;
    }

    /** A {@code datetime-local} value in the school's time as an instant; {@code null} when unreadable. */
    static String moment(String value) {
        try {
            return LocalDateTime.parse(value).atZone(IncidentWords.SCHOOL_ZONE).toInstant().toString();
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    static List<String> list(String value) {
        List<String> items = new ArrayList<>();
        Arrays.stream(value.split(",")).map(String::strip).filter(item -> !item.isEmpty()).forEach(items::add);
        return items;
    }
}
