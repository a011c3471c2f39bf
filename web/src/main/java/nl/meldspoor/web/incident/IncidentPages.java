package nl.meldspoor.web.incident;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.meldspoor.web.meldcase.FormErrors;
import nl.meldspoor.web.services.ActingRole;
import nl.meldspoor.web.services.ServiceRefusal;
import nl.meldspoor.web.services.Services;
import nl.meldspoor.web.services.StaffRole;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The incident register's screens (UI.md screen 15): record an incident, and follow its protocol track as a checklist —
 * the bullying five steps, the five actions against unsafe behaviour, the meldplicht in its order with "Controleer en
 * bevestig" for each step. Every form is one command of the signal-service; who may send it is the service's rule, and a
 * refusal comes back next to its field with everything typed kept.
 */
@Controller
@RequestMapping("/incidenten")
class IncidentPages {

    static final int PARTY_ROWS = 4;
    /** The signal-service's incident rules that refuse with 403 to someone who may see the incident, and the field they concern. */
    private static final Map<String, String> PROTOCOL_RULES = Map.of("ONLY_PRINCIPAL_DECIDES_EXCLUSION", "action", "ONLY_BOARD_OFFICER", "");

    private final IncidentWork incidents;
    private final Services services;

    IncidentPages(IncidentWork incidents, Services services) {
        this.incidents = incidents;
        this.services = services;
    }

    @GetMapping("/nieuw")
    String recordForm(Model model) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("sleutel", UUID.randomUUID().toString());
        return recordPage(model, typed, new FormErrors());
    }

    @PostMapping("/nieuw")
    String record(@RequestParam MultiValueMap<String, String> form, HttpServletRequest request, Model model, HttpServletResponse response) {
        Map<String, String> typed = typed(form);
        String school = actingRole(request).map(ActingRole::scope).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            String id = incidents.record(IncidentReportForm.body(school, typed), typed.get("sleutel"));
            return "redirect:/incidenten/" + id;
        } catch (ServiceRefusal refusal) {
            if (refusal.hidden() || refusal.status() == 401 || refusal.status() >= 500) {
                throw refusal;
            }
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return recordPage(model, typed, errorsOf(refusal));
        }
    }

    @GetMapping("/{incidentId}")
    String incident(@PathVariable String incidentId, Model model) {
        Map<String, Object> view = incidents.incident(incidentId);
        model.addAttribute("incidentId", incidentId);
        model.addAttribute("state", view.get("state"));
        model.addAttribute("checklist", Checklist.of(state(view)));
        return "incident/incident";
    }

    @GetMapping("/{incidentId}/{slug:pesten|actie|ouders|afsluiten|meldplicht}")
    String commandForm(@PathVariable String incidentId, @PathVariable String slug, @RequestParam(defaultValue = "") String stap, Model model) {
        Map<String, Object> state = state(incidents.incident(incidentId));
        IncidentForm form = form(slug, state);
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("versie", String.valueOf(state.get("version")));
        typed.put("sleutel", UUID.randomUUID().toString());
        if ("meldplicht".equals(slug)) {
            typed.put("step", meldplichtNext(state));
        } else if (!stap.isBlank()) {
            typed.put("pesten".equals(slug) ? "step" : "action", stap);
        }
        return commandPage(model, incidentId, state, form, typed, new FormErrors(), false);
    }

    /**
     * Sends a command; the meldplicht's steps first come back as "Controleer en bevestig" ({@code actie=controleer}) and are
     * sent only with {@code actie=bevestig}; {@code actie=wijzig} shows the form again, filled.
     */
    @PostMapping("/{incidentId}/{slug:pesten|actie|ouders|afsluiten|meldplicht}")
    String command(@PathVariable String incidentId, @PathVariable String slug, @RequestParam MultiValueMap<String, String> posted,
                   Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, String> typed = typed(posted);
        String action = typed.getOrDefault("actie", "");
        typed.remove("actie");
        Map<String, Object> state = state(incidents.incident(incidentId));
        IncidentForm form = "meldplicht".equals(slug)
                ? IncidentForms.of(slug, typed.getOrDefault("step", "")).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND))
                : form(slug, state);
        if (form.confirm() && !"bevestig".equals(action)) {
            return commandPage(model, incidentId, state, form, typed, new FormErrors(), !"wijzig".equals(action));
        }
        if (typed.getOrDefault("sleutel", "").isBlank()) {
            typed.put("sleutel", UUID.randomUUID().toString());
        }
        try {
            incidents.send(incidentId, form.path(), form.body(typed), parseVersion(typed.get("versie")), typed.get("sleutel"));
            redirect.addFlashAttribute("done", form.title() + ": vastgelegd.");
            return "redirect:/incidenten/" + incidentId;
        } catch (ServiceRefusal refusal) {
            // a protocol's own "not you" (action 5 is the principal's, the meldplicht after step 1 the board's) is said next to
            // the form of someone who may see the incident; any other refusal of access looks like a page that does not exist
            boolean protocolRule = refusal.status() == 403 && PROTOCOL_RULES.containsKey(String.valueOf(refusal.rule()));
            if (!protocolRule && (refusal.hidden() || refusal.status() == 401 || refusal.status() >= 500)) {
                throw refusal;
            }
            FormErrors errors = new FormErrors();
            if (protocolRule && refusal.errors().isEmpty()) {
                String field = PROTOCOL_RULES.get(refusal.rule());
                errors.add(field.isEmpty() ? null : field, refusal.detail());
            } else {
                Map<String, IncidentForm.Field> labelled = new java.util.LinkedHashMap<>();
                form.fields().forEach(field -> labelled.put(field.name(), field));
                errors = errorsOf(refusal, labelled);
            }
            if (refusal.status() == HttpStatus.CONFLICT.value()) {
                // someone recorded something in between: the form carries the version now shown, so sending again is deliberate
                typed.put("versie", String.valueOf(state.get("version")));
            }
            response.setStatus(refusal.status() == HttpStatus.CONFLICT.value() ? HttpStatus.CONFLICT.value() : HttpStatus.UNPROCESSABLE_ENTITY.value());
            return commandPage(model, incidentId, state, form, typed, errors, false);
        }
    }

    private IncidentForm form(String slug, Map<String, Object> state) {
        return IncidentForms.of(slug, "meldplicht".equals(slug) ? meldplichtNext(state) : null)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** The meldplicht step the service says is due; none (not a meldplicht incident, or done) is no page. */
    @SuppressWarnings("unchecked")
    private static String meldplichtNext(Map<String, Object> state) {
        Object track = state.get("meldplichtTrack");
        Object next = track instanceof Map<?, ?> map ? ((Map<String, Object>) map).get("nextStep") : null;
        if (next == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return next.toString();
    }

    private String commandPage(Model model, String incidentId, Map<String, Object> state, IncidentForm form, Map<String, String> typed,
                               FormErrors errors, boolean checking) {
        model.addAttribute("incidentId", incidentId);
        model.addAttribute("state", state);
        model.addAttribute("form", form);
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("checking", checking);
        if (checking) {
            model.addAttribute("readable", IncidentForms.readable(form, typed));
            return "incident/confirm";
        }
        return "incident/command";
    }

    private String recordPage(Model model, Map<String, String> typed, FormErrors errors) {
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("fields", IncidentReportForm.fields());
        model.addAttribute("partyRows", java.util.stream.IntStream.range(0, PARTY_ROWS).boxed().toList());
        return "incident/new";
    }

    private static FormErrors errorsOf(ServiceRefusal refusal) {
        return errorsOf(refusal, IncidentReportForm.fields());
    }

    /** The service's reasons next to their fields, each named in the summary by the label the form shows ("Plaats: …"). */
    private static FormErrors errorsOf(ServiceRefusal refusal, Map<String, IncidentForm.Field> labelled) {
        FormErrors errors = new FormErrors();
        refusal.errors().forEach(error -> {
            String field = IncidentReportForm.fieldOf(error.field());
            errors.add(field, labelOf(field, labelled), field, error.reason());
        });
        if (refusal.errors().isEmpty()) {
            errors.add(null, refusal.detail() != null ? refusal.detail() : "Het incidentenregister weigerde dit.");
        }
        return errors;
    }

    private static String labelOf(String field, Map<String, IncidentForm.Field> labelled) {
        if (field == null) {
            return null;
        }
        java.util.regex.Matcher party = java.util.regex.Pattern.compile("parties\\[(\\d+)]\\.(role|ref)").matcher(field);
        if (party.matches()) {
            return ("role".equals(party.group(2)) ? "Rol van betrokkene " : "Pseudoniem van betrokkene ") + (Integer.parseInt(party.group(1)) + 1);
        }
        if ("type".equals(field)) {
            return "Soort incident";
        }
        IncidentForm.Field known = labelled.get(field);
        return known == null ? null : known.label();
    }

    private static Map<String, String> typed(MultiValueMap<String, String> form) {
        Map<String, String> typed = new LinkedHashMap<>();
        form.forEach((name, values) -> typed.put(name, values.contains("true") ? "true" : values.get(0)));
        typed.remove("_csrf");
        return typed;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> state(Map<String, Object> view) {
        return (Map<String, Object>) view.getOrDefault("state", Map.of());
    }

    private static Long parseVersion(String version) {
        try {
            return version == null || version.isBlank() ? null : Long.valueOf(version.strip());
        } catch (NumberFormatException unreadable) {
            return null;
        }
    }

    private Optional<ActingRole> actingRole(HttpServletRequest request) {
        return ActingRole.current(request).or(() -> services.me().roles().stream().findFirst().map(StaffRole::acting));
    }

    /** One line of the protocol checklist: a step, whether and when it was taken, and its form while it can be taken. */
    record ChecklistItem(int number, String code, String label, Map<String, Object> taken, String link, String deadline, boolean principalOnly) {
    }

    static final class Checklist {

        private Checklist() {
        }

        @SuppressWarnings("unchecked")
        static List<ChecklistItem> of(Map<String, Object> state) {
            String track = String.valueOf(state.get("track"));
            String id = String.valueOf(state.get("incidentId"));
            boolean open = !"CLOSED".equals(state.get("status"));
            List<Map<String, Object>> steps = (List<Map<String, Object>>) state.getOrDefault("steps", List.of());
            Map<String, String> protocol = switch (track) {
                case "BULLYING" -> IncidentWords.BULLYING_STEPS;
                case "MELDPLICHT" -> IncidentWords.MELDPLICHT_STEPS;
                default -> IncidentWords.UNSAFE_ACTIONS;
            };
            Object next = state.get("meldplichtTrack") instanceof Map<?, ?> meldplicht ? ((Map<String, Object>) meldplicht).get("nextStep") : null;
            List<ChecklistItem> items = new ArrayList<>();
            int number = 0;
            for (Map.Entry<String, String> step : protocol.entrySet()) {
                number++;
                Map<String, Object> taken = null;
                for (Map<String, Object> candidate : steps) {
                    if (step.getKey().equals(candidate.get("step"))) {
                        taken = candidate; // the latest time it was taken
                    }
                }
                String link = null;
                String deadline = "";
                switch (track) {
                    case "BULLYING" -> {
                        link = open ? "/incidenten/" + id + "/pesten?stap=" + step.getKey() : null;
                        deadline = "Daarna: ouders, directie en gedragscoördinator informeren";
                    }
                    case "MELDPLICHT" -> {
                        link = open && step.getKey().equals(next) ? "/incidenten/" + id + "/meldplicht" : null;
                        deadline = number == 1 ? "Termijn: direct" : "Termijn: op volgorde, na stap " + (number - 1);
                    }
                    default -> link = open ? "/incidenten/" + id + "/actie?stap=" + step.getKey() : null;
                }
                items.add(new ChecklistItem(number, step.getKey(), step.getValue(), taken, link, deadline,
                        "TIME_OUT_SUSPENSION_EXPULSION".equals(step.getKey())));
            }
            return items;
        }
    }
}
