package nl.meldspoor.web.meldcase;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.meldspoor.web.services.ActingRole;
import nl.meldspoor.web.services.Pupil;
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
 * The case workspace (UI.md screens 5–12): the dossier with its task list, the afwegingskader, the decision, the
 * principal's approval, the report, help, closing and the timeline. Every page shows the case header as the
 * case-service reports it; every form is one command of the case-service, sent with the version the person saw
 * ({@code If-Match}) and an {@code Idempotency-Key}; a refusal comes back next to its field with everything typed kept.
 */
@Controller
@RequestMapping("/dossiers")
class CasePages {

    static final Set<String> PAGES = Set.of("afwegingskader", "besluit", "goedkeuring", "melding", "hulp", "sluiten");
    private static final String VERSION_CONFLICT = "VERSION_CONFLICT";
    private static final String NAMES = CasePages.class.getName() + ".names";
    private static final String CASE_NAME = CasePages.class.getName() + ".pupil";
    static final Map<String, String> PAGE_NAMES = Map.of("afwegingskader", "Afwegingskader", "besluit", "Besluit", "goedkeuring", "Goedkeuring",
            "melding", "Melding", "hulp", "Hulp", "sluiten", "Sluiten", "tijdlijn", "Tijdlijn", "wie-keek", "Wie keek");
    private static final int WHO_LOOKED_PAGE = 50;

    private final CaseWork cases;
    private final Services services;

    CasePages(CaseWork cases, Services services) {
        this.cases = cases;
        this.services = services;
    }

    /** The acting school's open cases (the reporting-service's list), for the IB'er, AF and directeur. */
    @GetMapping
    String list(HttpServletRequest request, @RequestParam(defaultValue = "OPEN") String status, Model model) {
        String school = school(request);
        List<Map<String, Object>> found = cases.schoolCases(school, "CLOSED".equals(status) ? "CLOSED" : "OPEN");
        model.addAttribute("cases", found);
        model.addAttribute("names", namesOf(found, school));
        model.addAttribute("status", status);
        model.addAttribute("breadcrumbs", Crumb.trail(new Crumb("Dossiers", "/dossiers")));
        return "meldcase/cases";
    }

    /** The principal's approvals: the school's cases with a decision waiting for approval (the service's deadline). */
    @GetMapping("/goedkeuringen")
    String approvals(HttpServletRequest request, Model model) {
        String school = school(request);
        List<Map<String, Object>> waiting = cases.schoolCases(school, "OPEN").stream().filter(CasePages::awaitsApproval).toList();
        model.addAttribute("cases", waiting);
        model.addAttribute("names", namesOf(waiting, school));
        model.addAttribute("breadcrumbs", Crumb.trail(new Crumb("Goedkeuringen", "/dossiers/goedkeuringen")));
        return "meldcase/approvals";
    }

    /** Pupil ref → name for a list of the school's cases, as far as the registry names them to this person. */
    private Map<String, String> namesOf(List<Map<String, Object>> summaries, String school) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Map<String, Object> summary : summaries) {
            Object ref = summary.get("pupilRef");
            String name = pupilName(ref, summary.getOrDefault("schoolId", school));
            if (name != null) {
                names.put(ref.toString(), name);
            }
        }
        return names;
    }

    @GetMapping("/{caseId}")
    String dossier(@PathVariable String caseId, Model model) {
        Map<String, Object> state = cases.state(caseId, null);
        model.addAttribute("rapportage", cases.rapportage(caseId).orElse(null));
        return show(model, "dossier", caseId, state, null, Map.of(), new FormErrors());
    }

    @GetMapping("/{caseId}/{page:afwegingskader|besluit|goedkeuring|melding|hulp|sluiten}")
    String page(@PathVariable String caseId, @PathVariable String page, Model model) {
        Map<String, Object> state = cases.state(caseId, null);
        if ("goedkeuring".equals(page)) {
            model.addAttribute("timeline", cases.timeline(caseId, null));
        }
        return show(model, page, caseId, state, null, Map.of(), new FormErrors());
    }

    /** "Zoals bekend op": the case and its events as the system knew them at a moment (by recording time). */
    @GetMapping("/{caseId}/tijdlijn")
    String timeline(@PathVariable String caseId, @RequestParam(defaultValue = "") String datum, @RequestParam(defaultValue = "") String tijd,
                    Model model, HttpServletResponse response) {
        FormErrors errors = new FormErrors();
        Instant asOf = null;
        if (!datum.isBlank()) {
            try {
                asOf = momentOf(datum, tijd);
            } catch (DateTimeParseException unreadable) {
                errors.add("datum", "Zoals bekend op", "datum", "Vul een datum en tijd in, bijvoorbeeld 2 december 2026 om 10:15.");
                response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            }
        }
        Map<String, Object> timeline;
        try {
            timeline = cases.timeline(caseId, asOf);
        } catch (ServiceRefusal refusal) {
            if (refusal.hidden() || refusal.status() == 401 || refusal.status() >= 500 || asOf == null) {
                throw refusal;
            }
            // before the case existed: say so next to the picker
            errors.add("datum", "Zoals bekend op", "datum", refusal.detail() != null ? refusal.detail() : "Op dat moment bestond dit dossier nog niet.");
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            timeline = cases.timeline(caseId, null);
            asOf = null;
        }
        model.addAttribute("timeline", timeline);
        model.addAttribute("asOf", asOf);
        model.addAttribute("datum", datum);
        model.addAttribute("tijd", tijd);
        @SuppressWarnings("unchecked")
        Map<String, Object> state = (Map<String, Object>) timeline.get("state");
        return show(model, "tijdlijn", caseId, state, null, Map.of(), errors);
    }

    /**
     * "Wie keek": everyone who read the case, newest first, page by page (the timeline shows the newest reads only); with
     * a moment ({@code datum}, {@code tijd}, as on the timeline "zoals bekend op") only the reads until then.
     */
    @GetMapping("/{caseId}/wie-keek")
    String whoLooked(@PathVariable String caseId, @RequestParam(defaultValue = "0") int pagina, @RequestParam(defaultValue = "") String datum,
                     @RequestParam(defaultValue = "") String tijd, Model model) {
        Instant asOf = null;
        if (!datum.isBlank()) {
            try {
                asOf = momentOf(datum, tijd);
            } catch (DateTimeParseException unreadable) {
                // only a hand-made address gets here: the timeline links with a moment it read itself
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "datum/tijd: " + unreadable.getMessage());
            }
        }
        Map<String, Object> state = cases.state(caseId, null);
        model.addAttribute("views", cases.views(caseId, asOf, Math.max(0, pagina), WHO_LOOKED_PAGE));
        model.addAttribute("asOf", asOf);
        model.addAttribute("datum", asOf == null ? null : datum);
        model.addAttribute("tijd", asOf == null ? null : tijd);
        return show(model, "wie-keek", caseId, state, null, Map.of(), new FormErrors());
    }

    /** A moment as the school's staff type it: a date and, optionally, a time (the end of the day without one). */
    private static Instant momentOf(String datum, String tijd) {
        return ZonedDateTime.of(LocalDate.parse(datum), tijd.isBlank() ? LocalTime.MAX.withNano(0) : LocalTime.parse(tijd),
                CaseCommand.SCHOOL_ZONE).toInstant();
    }

    @PostMapping("/{caseId}/{slug}")
    String command(@PathVariable String caseId, @PathVariable String slug, @RequestParam MultiValueMap<String, String> form,
                   Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, String> typed = new LinkedHashMap<>();
        form.forEach((name, values) -> typed.put(name, values.contains("true") ? "true" : values.get(0)));
        typed.remove("_csrf");
        boolean confirmed = "ja".equals(typed.remove("bevestigd"));
        boolean changing = "ja".equals(typed.remove("wijzigen"));
        CaseCommand command = CaseCommands.of(slug, typed.get("question"))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (changing) {
            // "Wijzigen" on the check page: back to the form, filled with everything typed
            return showPage(model, command.page(), caseId, cases.state(caseId, null), slug, typed, new FormErrors());
        }
        if (CaseCommands.CHECKED.contains(slug) && !confirmed) {
            return check(model, caseId, command, typed);
        }
        Long version = parseVersion(typed.get("versie"));
        String key = typed.getOrDefault("sleutel", "");
        if (key.isBlank()) {
            key = UUID.randomUUID().toString();
            typed.put("sleutel", key);
        }
        try {
            cases.send(caseId, command.path(), command.body(typed), version, key);
            redirect.addFlashAttribute("done", command.title() + ": vastgelegd.");
            return "redirect:/dossiers/" + caseId + ("dossier".equals(command.page()) ? "" : "/" + command.page());
        } catch (ServiceRefusal refusal) {
            if (refusal.hidden() || refusal.status() == HttpStatus.UNAUTHORIZED.value() || refusal.status() >= 500) {
                throw refusal;
            }
            Map<String, Object> state = cases.state(caseId, null);
            FormErrors errors = new FormErrors();
            if (VERSION_CONFLICT.equals(refusal.rule())) {
                explainConflict(caseId, version, errors);
                // the form now carries the version the person has just been shown, so sending again is a deliberate choice
                typed.put("versie", String.valueOf(state.get("version")));
            } else {
                refusal.errors().forEach(error -> {
                    String field = command.fieldOf(error.field());
                    errors.add(field, command.summaryLabel(field), command.inputId(field), error.reason());
                });
                if (refusal.errors().isEmpty()) {
                    errors.add(refusal.detail() != null ? refusal.detail() : "Het dossier weigerde dit.");
                }
            }
            response.setStatus(refusal.status() == HttpStatus.CONFLICT.value() ? HttpStatus.CONFLICT.value() : HttpStatus.UNPROCESSABLE_ENTITY.value());
            return showPage(model, command.page(), caseId, state, slug, typed, errors);
        }
    }

    /** A page with what it shows besides its forms (the dossier's rapportage, the approval's timeline). */
    private String showPage(Model model, String page, String caseId, Map<String, Object> state, String refused, Map<String, String> typed,
                            FormErrors errors) {
        if ("dossier".equals(page)) {
            model.addAttribute("rapportage", cases.rapportage(caseId).orElse(null));
        }
        if ("goedkeuring".equals(page)) {
            model.addAttribute("timeline", cases.timeline(caseId, null));
        }
        return show(model, page, caseId, state, refused, typed, errors);
    }

    /**
     * "Controleer en bevestig" (UI.md principle 1): what will be sent, in the form's words, with everything typed carried
     * along in hidden fields, so "Wijzigen" brings the filled form back and "Bevestigen" sends it. Nothing is sent yet.
     */
    private String check(Model model, String caseId, CaseCommand command, Map<String, String> typed) {
        Map<String, Object> state = cases.state(caseId, null);
        show(model, command.page(), caseId, state, null, Map.of(), new FormErrors());
        model.addAttribute("check", command);
        model.addAttribute("rows", command.review(typed));
        model.addAttribute("carried", typed);
        List<Crumb> trail = new java.util.ArrayList<>(breadcrumbs(caseId, command.page()));
        trail.add(new Crumb("Controleer", ""));
        model.addAttribute("breadcrumbs", trail);
        return "meldcase/controleer";
    }

    /** What was recorded after the version the person saw: the timeline's entries since then, in the service's words. */
    @SuppressWarnings("unchecked")
    private void explainConflict(String caseId, Long seen, FormErrors errors) {
        errors.add("Iemand anders heeft het dossier intussen gewijzigd. Je invoer staat er nog; bekijk wat er veranderd is en verstuur opnieuw.");
        List<Map<String, Object>> entries = (List<Map<String, Object>>) cases.timeline(caseId, null).getOrDefault("entries", List.of());
        for (Map<String, Object> entry : entries) {
            if (seen == null || ((Number) entry.get("version")).longValue() > seen) {
                Map<String, Object> actor = (Map<String, Object>) entry.getOrDefault("actor", Map.of());
                errors.add("Gewijzigd: " + entry.get("summary") + " (" + actor.get("personId") + ")");
            }
        }
    }

    private String show(Model model, String page, String caseId, Map<String, Object> state, String refused, Map<String, String> typed,
                        FormErrors errors) {
        model.addAttribute("caseId", caseId);
        model.addAttribute("state", state);
        String pupilName = state == null ? null : pupilName(state.get("pupilRef"), state.get("schoolId"));
        model.addAttribute("pupilName", pupilName);
        currentRequest().setAttribute(CASE_NAME, pupilName);
        // only a principal is offered the approval (the case-service decides whether this principal may)
        model.addAttribute("principal", actingRole().map(role -> "PRINCIPAL".equals(role.role())).orElse(false));
        model.addAttribute("page", page);
        model.addAttribute("errors", errors);
        Map<String, CaseCommand> commands = new LinkedHashMap<>();
        Map<String, Map<String, String>> values = new LinkedHashMap<>();
        List<CaseCommand> onPage = new java.util.ArrayList<>(CaseCommands.onPage(page));
        Object next = state == null ? null : nested(state, "afwegingskader", "nextQuestion");
        if ("afwegingskader".equals(page) && next != null && !"RESULTAAT".equals(next)) {
            onPage.add(CaseCommands.weighing(next.toString()));
        }
        for (CaseCommand command : onPage) {
            commands.put(command.slug(), command);
            Map<String, String> formValues = new LinkedHashMap<>(command.defaults());
            formValues.put("versie", String.valueOf(state == null ? "" : state.get("version")));
            formValues.put("sleutel", UUID.randomUUID().toString());
            if ("afweging".equals(command.slug())) {
                formValues.put("question", next.toString());
            }
            if (command.slug().equals(refused)) {
                formValues.putAll(typed);
            }
            values.put(command.slug(), formValues);
        }
        model.addAttribute("commands", commands);
        model.addAttribute("values", values);
        model.addAttribute("refused", refused);
        model.addAttribute("people", people(onPage, state));
        model.addAttribute("breadcrumbs", breadcrumbs(caseId, page));
        return "meldcase/" + page;
    }

    /**
     * The pupil's name as the signal-service's registry gives it to this person, only when they act at the pupil's own
     * school (no names above school level, nor for an aandachtsfunctionaris of a paired school); otherwise, or when the
     * registry refuses, the page keeps the pseudonymous reference.
     */
    private String pupilName(Object pupilRef, Object schoolId) {
        if (pupilRef == null || schoolId == null || !actingRole().map(role -> role.scope().equals(schoolId)).orElse(false)) {
            return null;
        }
        Map<String, String> known = names();
        return known.computeIfAbsent(pupilRef.toString(), ref -> {
            try {
                Pupil pupil = services.pupil(ref);
                return pupil == null || pupil.erased() || pupil.givenName() == null ? "" : pupil.label();
            } catch (ServiceRefusal refusal) {
                if (refusal.status() == HttpStatus.UNAUTHORIZED.value()) {
                    throw refusal;
                }
                return "";
            }
        }).transform(name -> name.isEmpty() ? null : name);
    }

    /** Names looked up during this request, so a list of cases asks the registry once per pupil. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> names() {
        HttpServletRequest request = currentRequest();
        Object names = request.getAttribute(NAMES);
        if (names == null) {
            names = new java.util.HashMap<String, String>();
            request.setAttribute(NAMES, names);
        }
        return (Map<String, String>) names;
    }

    /** The staff to choose from per person field on the page ({@code slug.field}); empty means the field stays a text box. */
    private Map<String, List<Colleague>> people(List<CaseCommand> onPage, Map<String, Object> state) {
        Map<String, List<Colleague>> people = new LinkedHashMap<>();
        List<Colleague> colleagues = null;
        for (CaseCommand command : onPage) {
            for (CaseCommand.Field field : command.fields()) {
                if (field.kind() != CaseCommand.Kind.PERSON) {
                    continue;
                }
                if (colleagues == null) {
                    colleagues = colleagues(state == null ? null : (String) state.get("schoolId"));
                }
                Set<String> roles = field.options().stream().map(CaseCommand.Option::value).collect(java.util.stream.Collectors.toSet());
                people.put(command.slug() + "." + field.name(), colleagues.stream().filter(colleague -> colleague.holdsAny(roles)).toList());
            }
        }
        return people;
    }

    /** The school's colleagues for a picker; none (a text box instead) when the person does not act at that school or the directory refuses. */
    private List<Colleague> colleagues(String schoolId) {
        if (schoolId == null || !actingRole().map(role -> role.scope().equals(schoolId)).orElse(false)) {
            return List.of();
        }
        try {
            return cases.colleagues(schoolId);
        } catch (ServiceRefusal refusal) {
            if (refusal.status() == HttpStatus.UNAUTHORIZED.value()) {
                throw refusal;
            }
            return List.of();
        }
    }

    /** Vandaag › Dossiers › Dossier {naam} › {pagina}; a teacher added to the case has no list of the school's cases. */
    private List<Crumb> breadcrumbs(String caseId, String page) {
        List<Crumb> trail = new java.util.ArrayList<>(List.of(Crumb.TODAY));
        if (actingRole().map(role -> !"TEACHER".equals(role.role())).orElse(false)) {
            trail.add(new Crumb("Dossiers", "/dossiers"));
        }
        Object name = currentRequest().getAttribute(CASE_NAME);
        trail.add(new Crumb(name == null ? "Dossier" : "Dossier " + name, "/dossiers/" + caseId));
        if (!"dossier".equals(page)) {
            trail.add(new Crumb(PAGE_NAMES.getOrDefault(page, page), "/dossiers/" + caseId + "/" + page));
        }
        return trail;
    }

    @SuppressWarnings("unchecked")
    static Object nested(Map<String, Object> map, String... path) {
        Object current = map;
        for (String step : path) {
            if (!(current instanceof Map<?, ?> level)) {
                return null;
            }
            current = ((Map<String, Object>) level).get(step);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static boolean awaitsApproval(Map<String, Object> summary) {
        Object deadlines = summary.get("openDeadlines");
        return deadlines instanceof List<?> list
                && list.stream().anyMatch(deadline -> "PRINCIPAL_APPROVAL".equals(((Map<String, Object>) deadline).get("kind")));
    }

    private static Long parseVersion(String version) {
        try {
            return version == null || version.isBlank() ? null : Long.valueOf(version.strip());
        } catch (NumberFormatException unreadable) {
            return null;
        }
    }

    /** The school the person acts for: the role chosen on Vandaag, else their first role today. */
    private String school(HttpServletRequest request) {
        return actingRole().map(ActingRole::scope).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static HttpServletRequest currentRequest() {
        return ((org.springframework.web.context.request.ServletRequestAttributes)
                org.springframework.web.context.request.RequestContextHolder.currentRequestAttributes()).getRequest();
    }

    private java.util.Optional<ActingRole> actingRole() {
        HttpServletRequest request = currentRequest();
        return ActingRole.current(request).or(() -> services.me().roles().stream().findFirst().map(StaffRole::acting));
    }
}
