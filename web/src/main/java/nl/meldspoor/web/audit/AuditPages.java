package nl.meldspoor.web.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.meldspoor.web.services.ServiceRefusal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The auditor reconstructs a case (UI.md flow D, screen 12): choose a case of a school in scope, say why ("Waarom bekijk je
 * dit dossier?", sent as {@code X-Meldspoor-Purpose} on every read of that case in this session), the timeline as known at a
 * moment (by recording time), the difference between two moments and who looked. Read-only: these pages send no command.
 */
@Controller
@RequestMapping("/audit")
class AuditPages {

    static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Amsterdam");
    /** Per case the purpose the person gave in this session; a new session asks again. */
    static final String PURPOSES = "meldspoor.audit.purposes";
    private static final int WHO_LOOKED_PAGE = 25;

    private final AuditWork audit;
    private final AuditScope scope;

    AuditPages(AuditWork audit, AuditScope scope) {
        this.audit = audit;
        this.scope = scope;
    }

    /** Step 1: the cases of a school in the person's scope; a board-wide auditor first chooses the school. */
    @GetMapping
    String cases(HttpServletRequest request, @RequestParam(defaultValue = "") String school, Model model) {
        AuditScope.Acting acting = scope.acting(request);
        model.addAttribute("acting", acting);
        String chosen = acting.schoolOf(school);
        if (acting.boardWide()) {
            model.addAttribute("schools", audit.schools());
        }
        model.addAttribute("school", chosen);
        model.addAttribute("cases", chosen == null ? List.of() : audit.schoolCases(chosen, null));
        return "audit/cases";
    }

    /** Step 2: "Waarom bekijk je dit dossier?" before anything of the case is read. */
    @GetMapping("/dossiers/{caseId}/doel")
    String purposeForm(HttpServletRequest request, @PathVariable String caseId, Model model) {
        model.addAttribute("acting", scope.acting(request));
        model.addAttribute("chosen", purposeOf(request, caseId).orElse(""));
        return purposePage(model, caseId, new FieldErrors());
    }

    @PostMapping("/dossiers/{caseId}/doel")
    String purpose(HttpServletRequest request, HttpServletResponse response, @PathVariable String caseId,
                   @RequestParam(defaultValue = "") String doel, Model model) {
        Optional<AuditPurpose> purpose = AuditPurpose.of(doel);
        if (purpose.isEmpty()) {
            FieldErrors errors = new FieldErrors();
            errors.add("doel", "Kies waarom je dit dossier bekijkt.");
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("acting", scope.acting(request));
            model.addAttribute("chosen", "");
            return purposePage(model, caseId, errors);
        }
        purposes(request.getSession()).put(caseId, purpose.get().code());
        return "redirect:/audit/dossiers/" + caseId;
    }

    /** Step 3: the timeline "Zoals bekend op" a moment (by recording time), or everything until now. */
    @GetMapping("/dossiers/{caseId}")
    String timeline(HttpServletRequest request, HttpServletResponse response, @PathVariable String caseId,
                    @RequestParam(defaultValue = "") String datum, @RequestParam(defaultValue = "") String tijd, Model model) {
        Optional<String> purpose = purposeOf(request, caseId);
        if (purpose.isEmpty()) {
            return "redirect:/audit/dossiers/" + caseId + "/doel";
        }
        FieldErrors errors = new FieldErrors();
        Instant asOf = moment("datum", datum, tijd, errors);
        Map<String, Object> timeline = null;
        if (asOf != null) {
            timeline = atMoment(caseId, asOf, purpose.get(), "datum", errors);
        }
        if (timeline == null) {
            asOf = null;
            timeline = audit.timeline(caseId, null, purpose.get());
        }
        if (errors.any()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        }
        model.addAttribute("timeline", timeline);
        model.addAttribute("asOf", asOf);
        model.addAttribute("datum", datum);
        model.addAttribute("tijd", tijd);
        return casePage(request, model, caseId, purpose.get(), timeline, "tijdlijn", errors);
    }

    /**
     * Step 4: "Verschil met" a second moment: the events recorded in between and the case header before and after. Both
     * sides are the case-service's own as-of views; the web only lists the entries the later view has and the earlier lacks.
     */
    @GetMapping("/dossiers/{caseId}/verschil")
    String difference(HttpServletRequest request, HttpServletResponse response, @PathVariable String caseId,
                      @RequestParam(name = "van-datum", defaultValue = "") String fromDate, @RequestParam(name = "van-tijd", defaultValue = "") String fromTime,
                      @RequestParam(name = "tot-datum", defaultValue = "") String toDate, @RequestParam(name = "tot-tijd", defaultValue = "") String toTime,
                      Model model) {
        Optional<String> purpose = purposeOf(request, caseId);
        if (purpose.isEmpty()) {
            return "redirect:/audit/dossiers/" + caseId + "/doel";
        }
        FieldErrors errors = new FieldErrors();
        model.addAttribute("vanDatum", fromDate);
        model.addAttribute("vanTijd", fromTime);
        model.addAttribute("totDatum", toDate);
        model.addAttribute("totTijd", toTime);
        boolean asked = !fromDate.isBlank() || !toDate.isBlank();
        Instant from = moment("van", fromDate, fromTime, errors);
        Instant to = moment("tot", toDate, toTime, errors);
        if (asked && fromDate.isBlank()) {
            errors.add("van", "Vul het eerste moment in.");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            errors.add("tot", "Het tweede moment moet na het eerste liggen.");
        }
        Map<String, Object> before = null;
        Map<String, Object> after = null;
        if (asked && !errors.any()) {
            before = atMoment(caseId, from, purpose.get(), "van", errors);
            after = to == null ? audit.timeline(caseId, null, purpose.get()) : atMoment(caseId, to, purpose.get(), "tot", errors);
        }
        Map<String, Object> current = after != null ? after : audit.timeline(caseId, null, purpose.get());
        if (before != null && after != null) {
            long seen = version(before);
            model.addAttribute("before", before);
            model.addAttribute("after", after);
            model.addAttribute("between", entries(after).stream().filter(entry -> version(entry) > seen).toList());
            model.addAttribute("from", from);
            model.addAttribute("to", to);
        }
        if (errors.any()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        }
        return casePage(request, model, caseId, purpose.get(), current, "verschil", errors);
    }

    /** "Wie keek": the school's access log filtered on this case, with role, when and why. */
    @GetMapping("/dossiers/{caseId}/wie-keek")
    String whoLooked(HttpServletRequest request, @PathVariable String caseId, @RequestParam(defaultValue = "0") int pagina, Model model) {
        Optional<String> purpose = purposeOf(request, caseId);
        if (purpose.isEmpty()) {
            return "redirect:/audit/dossiers/" + caseId + "/doel";
        }
        Map<String, Object> timeline = audit.timeline(caseId, null, purpose.get());
        String school = String.valueOf(state(timeline).get("schoolId"));
        model.addAttribute("log", audit.accessLog(school, null, caseId, null, null, Math.max(0, pagina), WHO_LOOKED_PAGE));
        return casePage(request, model, caseId, purpose.get(), timeline, "wie-keek", new FieldErrors());
    }

    private String purposePage(Model model, String caseId, FieldErrors errors) {
        model.addAttribute("caseId", caseId);
        model.addAttribute("purposes", AuditPurpose.values());
        model.addAttribute("errors", errors);
        return "audit/doel";
    }

    private String casePage(HttpServletRequest request, Model model, String caseId, String purpose, Map<String, Object> timeline, String page,
                            FieldErrors errors) {
        model.addAttribute("acting", scope.acting(request));
        model.addAttribute("caseId", caseId);
        model.addAttribute("purpose", AuditPurpose.of(purpose).map(AuditPurpose::label).orElse(purpose));
        model.addAttribute("state", state(timeline));
        model.addAttribute("page", page);
        model.addAttribute("errors", errors);
        return "audit/" + page;
    }

    /** The case as known at a moment; a moment the service refuses (before the case existed) is said next to its field. */
    private Map<String, Object> atMoment(String caseId, Instant asOf, String purpose, String field, FieldErrors errors) {
        try {
            return audit.timeline(caseId, asOf, purpose);
        } catch (ServiceRefusal refusal) {
            if (refusal.hidden() || refusal.status() == 401 || refusal.status() >= 500) {
                throw refusal;
            }
            errors.add(field, refusal.detail() != null ? refusal.detail() : "Op dat moment bestond dit dossier nog niet.");
            return null;
        }
    }

    /** A date and an optional time at the school; without a time, the end of that day. Blank: no moment. */
    static Instant moment(String field, String date, String time, FieldErrors errors) {
        if (date.isBlank()) {
            return null;
        }
        try {
            return ZonedDateTime.of(LocalDate.parse(date.strip()), time.isBlank() ? LocalTime.MAX.withNano(0) : LocalTime.parse(time.strip()),
                    SCHOOL_ZONE).toInstant();
        } catch (DateTimeParseException unreadable) {
            errors.add(field, "Vul een datum en tijd in, bijvoorbeeld 2026-12-02 en 10:15.");
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> state(Map<String, Object> timeline) {
        Object state = timeline.get("state");
        return state instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entries(Map<String, Object> timeline) {
        Object entries = timeline.get("entries");
        return entries instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    private static long version(Map<String, Object> withVersion) {
        return withVersion.get("version") instanceof Number number ? number.longValue() : 0L;
    }

    private static Optional<String> purposeOf(HttpServletRequest request, String caseId) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty() : Optional.ofNullable(purposes(session).get(caseId));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> purposes(HttpSession session) {
        Map<String, String> purposes = (Map<String, String>) session.getAttribute(PURPOSES);
        if (purposes == null) {
            purposes = new HashMap<>();
        }
        // set again on every change: the JDBC session store saves an attribute when it is set
        session.setAttribute(PURPOSES, purposes);
        return purposes;
    }
}
