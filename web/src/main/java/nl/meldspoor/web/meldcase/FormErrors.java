package nl.meldspoor.web.meldcase;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refusal's reasons per form field (in the service's order) and for the error summary at the top. A summary entry
 * names its field ("Reden: mag niet onbeschreven zijn") and links to the input itself (GOV.UK error summary), since the
 * service's reason alone does not say which of several fields it concerns.
 */
public class FormErrors {

    private final Map<String, List<String>> byField = new LinkedHashMap<>();
    private final List<String[]> summary = new ArrayList<>();

    /**
     * A reason for a field whose input's id is the field's name, where the reason itself says what it concerns (the
     * incident and register pages); {@code null} as field puts it in the summary only.
     */
    public void add(String field, String message) {
        add(field, null, field, message);
    }

    /** A reason without a field: shown in the summary only. */
    public void add(String message) {
        summary.add(new String[] {"", message});
    }

    /**
     * A reason for one field.
     *
     * @param field  the form's name of the field (where the reason is shown next to it)
     * @param label  the field's label as the form shows it, named in the summary
     * @param target the id of the input the summary links to
     */
    public void add(String field, String label, String target, String message) {
        if (field == null) {
            add(message);
            return;
        }
        byField.computeIfAbsent(field, key -> new ArrayList<>()).add(message);
        summary.add(new String[] {"#" + target, label == null || label.isBlank() ? message : label + ": " + message});
    }

    public boolean any() {
        return !summary.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String of(String field) {
        return String.join(" ", byField.getOrDefault(field, List.of()));
    }

    /** Per entry: the link ({@code #id}, or empty for a reason without a field) and the text. */
    public List<String[]> summary() {
        return summary;
    }
}
