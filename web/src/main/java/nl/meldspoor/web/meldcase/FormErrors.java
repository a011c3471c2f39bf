package nl.meldspoor.web.meldcase;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A refusal's reasons per form field (in the service's order) and for the error summary at the top. */
public class FormErrors {

    private final Map<String, List<String>> byField = new LinkedHashMap<>();
    private final List<String[]> summary = new ArrayList<>();

    public void add(String field, String message) {
        if (field != null) {
            byField.computeIfAbsent(field, key -> new ArrayList<>()).add(message);
        }
        summary.add(new String[] {field == null ? "" : field, message});
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

    public List<String[]> summary() {
        return summary;
    }
}
