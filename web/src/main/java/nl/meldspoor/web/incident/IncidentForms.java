package nl.meldspoor.web.incident;

import static nl.meldspoor.web.incident.IncidentForm.choice;
import static nl.meldspoor.web.incident.IncidentForm.field;
import static nl.meldspoor.web.incident.IncidentForm.hinted;
import static nl.meldspoor.web.incident.IncidentForm.optional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.meldspoor.web.incident.IncidentForm.Field;
import nl.meldspoor.web.incident.IncidentForm.Kind;

/** The signal-service's incident commands (see its OpenAPI document), one form each. */
final class IncidentForms {

    private static final String INFORMED_HINT = "Beschrijvingen, geen namen; gescheiden door komma's. Bijvoorbeeld: ouders, directie, gedragscoördinator";

    private IncidentForms() {
    }

    static Optional<IncidentForm> of(String slug, String meldplichtStep) {
        return switch (slug) {
            case "pesten" -> Optional.of(new IncidentForm("pesten", "bullying-steps", "Stap van de vijfstappenaanpak vastleggen", "Stap vastleggen", List.of(
                    choice("step", "Welke stap", IncidentWords.BULLYING_STEPS),
                    field("takenAt", Kind.MOMENT, "Wanneer"),
                    hinted("informed", Kind.LIST, "Wie je daarna hebt geïnformeerd", INFORMED_HINT, true),
                    optional("notes", Kind.TEXTAREA, "Toelichting")), false));
            case "actie" -> Optional.of(new IncidentForm("actie", "unsafe-behaviour-actions", "Actie tegen ongewenst gedrag vastleggen", "Actie vastleggen", List.of(
                    new Field("action", Kind.CHOICE, "Welke actie", "Actie 5 (time-out, schorsen en verwijderen) neemt alleen de directeur.", false,
                            IncidentWords.UNSAFE_ACTIONS),
                    field("takenAt", Kind.MOMENT, "Wanneer"),
                    hinted("informed", Kind.LIST, "Wie je daarna hebt geïnformeerd", INFORMED_HINT, true),
                    optional("notes", Kind.TEXTAREA, "Toelichting")), false));
            case "ouders" -> Optional.of(new IncidentForm("ouders", "parents-informed", "Ouders geïnformeerd", "Vastleggen", List.of(
                    new Field("how", Kind.CHOICE, "Hoe", "Na een klein incident dezelfde dag telefonisch; na een groter incident een gesprek waarbij de directeur aansluit.",
                            false, IncidentWords.CONTACT),
                    field("informedAt", Kind.MOMENT, "Wanneer"),
                    optional("notes", Kind.TEXTAREA, "Wat is besproken of afgesproken")), false));
            case "afsluiten" -> Optional.of(new IncidentForm("afsluiten", "closure", "Incident afsluiten", "Incident afsluiten", List.of(
                    hinted("conclusion", Kind.TEXTAREA, "Hoe het afliep en wat de school ervan leert", "Voor de jaarlijkse analyse door de directeur.", false)),
                    false));
            case "meldplicht" -> meldplichtStep == null || !IncidentWords.MELDPLICHT_STEPS.containsKey(meldplichtStep) ? Optional.empty()
                    : Optional.of(meldplicht(meldplichtStep));
            default -> Optional.empty();
        };
    }

    /** The meldplicht's next step: the fields that step asks for (the service refuses any other step). */
    private static IncidentForm meldplicht(String step) {
        List<Field> fields = new ArrayList<>();
        fields.add(field("step", Kind.HIDDEN, "Stap"));
        fields.add(field("takenAt", Kind.MOMENT, "Wanneer"));
        fields.add(hinted("informed", Kind.LIST, "Wie is geïnformeerd", "Beschrijvingen, geen namen; gescheiden door komma's. Bijvoorbeeld: bestuur",
                !"PARTIES_INFORMED".equals(step)));
        switch (step) {
            case "INSPECTOR_CONSULTED" -> fields.add(field("reasonableSuspicion", Kind.YES_NO, "Stelde de vertrouwensinspecteur een redelijk vermoeden vast?"));
            case "POLICE_REPORT_DECIDED" -> {
                fields.add(field("fileReport", Kind.YES_NO, "Doet het bestuur aangifte?"));
                fields.add(field("rationale", Kind.TEXTAREA, "Onderbouwing"));
            }
            case "POLICE_REPORT_FILED" -> fields.add(field("policeReference", Kind.TEXT, "Kenmerk van de aangifte bij de politie"));
            default -> {
            }
        }
        fields.add(optional("notes", Kind.TEXTAREA, "Toelichting"));
        return new IncidentForm("meldplicht", "meldplicht-steps", "Meldplicht: " + IncidentWords.MELDPLICHT_STEPS.get(step).toLowerCase(), "Bevestigen",
                fields, true);
    }

    /** The labels of a form's typed values, for "Controleer en bevestig". */
    static Map<String, String> readable(IncidentForm form, Map<String, String> typed) {
        Map<String, String> rows = new LinkedHashMap<>();
        for (Field field : form.fields()) {
            if (field.kind() == Kind.HIDDEN) {
                continue;
            }
            String value = typed.getOrDefault(field.name(), "").strip();
            String shown = switch (field.kind()) {
                case YES_NO -> "true".equals(value) ? "Ja" : "false".equals(value) ? "Nee" : "";
                case CHOICE -> field.options().getOrDefault(value, value);
                case MOMENT -> {
                    String instant = IncidentForm.moment(value);
                    yield instant == null ? value : new IncidentWords().moment(instant);
                }
                default -> value;
            };
            rows.put(field.label(), shown.isEmpty() ? "(niet ingevuld)" : shown);
        }
        return rows;
    }
}
