package nl.meldspoor.web.incident;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * "Incident vastleggen": the form's fields carry the names of the signal-service's {@code IncidentReport}
 * ({@code parties[0].ref}, {@code parentsInformed.how}), so the service's refusal lands next to the field.
 */
final class IncidentReportForm {

    static final Set<String> FIELDS = Set.of("occurredAt", "firstKnownAt", "place", "type", "severity", "description", "immediateMeasures",
            "parentsInformed.how", "parentsInformed.informedAt", "parentsInformed.notes", "policeInvolved", "policeReference", "followUp",
            "step", "action", "takenAt", "informed", "notes", "how", "informedAt", "conclusion", "reasonableSuspicion", "fileReport",
            "rationale");

    private IncidentReportForm() {
    }

    /** The form's fields other than the type list, the parties and the police tick box, by the service's names. */
    static Map<String, IncidentForm.Field> fields() {
        Map<String, IncidentForm.Field> fields = new LinkedHashMap<>();
        for (IncidentForm.Field field : List.of(
                IncidentForm.field("occurredAt", IncidentForm.Kind.MOMENT, "Wanneer gebeurde het"),
                IncidentForm.field("firstKnownAt", IncidentForm.Kind.MOMENT, "Wanneer hoorde de school ervan"),
                IncidentForm.field("place", IncidentForm.Kind.TEXT, "Waar"),
                new IncidentForm.Field("severity", IncidentForm.Kind.CHOICE, "Klein of groter incident",
                        "Na een klein incident worden de ouders dezelfde dag gebeld; na een groter incident volgt een gesprek met de directeur erbij.",
                        false, IncidentWords.SEVERITIES),
                IncidentForm.field("description", IncidentForm.Kind.TEXTAREA, "Wat er gebeurde (feiten)"),
                IncidentForm.field("immediateMeasures", IncidentForm.Kind.TEXTAREA, "Directe maatregelen"),
                new IncidentForm.Field("parentsInformed.how", IncidentForm.Kind.CHOICE, "Hoe", "", true, IncidentWords.CONTACT),
                IncidentForm.optional("parentsInformed.informedAt", IncidentForm.Kind.MOMENT, "Wanneer"),
                IncidentForm.optional("parentsInformed.notes", IncidentForm.Kind.TEXTAREA, "Wat is besproken"),
                IncidentForm.optional("policeReference", IncidentForm.Kind.TEXT, "Kenmerk bij de politie"),
                IncidentForm.optional("followUp", IncidentForm.Kind.TEXTAREA, "Afgesproken vervolg"))) {
            fields.put(field.name(), field);
        }
        return fields;
    }

    static Map<String, Object> body(String schoolId, Map<String, String> typed) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schoolId", schoolId);
        moment(body, "occurredAt", typed.get("occurredAt"));
        moment(body, "firstKnownAt", typed.get("firstKnownAt"));
        text(body, "place", typed.get("place"));
        text(body, "type", typed.get("type"));
        text(body, "severity", typed.get("severity"));
        List<Map<String, Object>> parties = new ArrayList<>();
        for (int i = 0; i < IncidentPages.PARTY_ROWS; i++) {
            String role = typed.getOrDefault("parties[" + i + "].role", "").strip();
            String ref = typed.getOrDefault("parties[" + i + "].ref", "").strip();
            if (!role.isEmpty() || !ref.isEmpty()) {
                Map<String, Object> party = new LinkedHashMap<>();
                text(party, "role", role);
                party.put("ref", ref);
                parties.add(party);
            }
        }
        body.put("parties", parties);
        text(body, "description", typed.get("description"));
        text(body, "immediateMeasures", typed.get("immediateMeasures"));
        String how = typed.getOrDefault("parentsInformed.how", "").strip();
        String when = typed.getOrDefault("parentsInformed.informedAt", "").strip();
        if (!how.isEmpty() || !when.isEmpty()) {
            Map<String, Object> informed = new LinkedHashMap<>();
            text(informed, "how", how);
            moment(informed, "informedAt", when);
            text(informed, "notes", typed.get("parentsInformed.notes"));
            body.put("parentsInformed", informed);
        }
        body.put("policeInvolved", "true".equals(typed.get("policeInvolved")));
        text(body, "policeReference", typed.get("policeReference"));
        text(body, "followUp", typed.get("followUp"));
        return body;
    }

    /** The form field a refusal's field names; {@code null} (summary only) for what the form has no field for. */
    static String fieldOf(String serviceField) {
        if (serviceField == null) {
            return null;
        }
        if (serviceField.matches("parties\\[\\d+]\\.(role|ref)")) {
            return serviceField;
        }
        if (serviceField.startsWith("parties")) {
            return "parties[0].role";
        }
        if ("parentsInformed".equals(serviceField)) {
            return "parentsInformed.how";
        }
        if (serviceField.startsWith("informed")) {
            return "informed";
        }
        return FIELDS.contains(serviceField) || "policeReference".equals(serviceField) ? serviceField : null;
    }

    private static void text(Map<String, Object> body, String name, String value) {
        if (value != null && !value.isBlank()) {
            body.put(name, value.strip());
        }
    }

    /** A moment typed in the school's time; an unreadable one is sent as typed so the service names it. */
    private static void moment(Map<String, Object> body, String name, String value) {
        if (value != null && !value.isBlank()) {
            String instant = IncidentForm.moment(value.strip());
            body.put(name, instant == null ? value.strip() : instant);
        }
    }
}
