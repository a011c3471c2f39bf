package nl.meldspoor.web.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Refusals per form field and for the error summary at the top ({@code templates/error-summary.html}); the same shape as the
 * case pages' errors, kept here so the audit and staff pages need nothing of the case workspace.
 */
public class FieldErrors {

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
