package nl.meldspoor.web.incident;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.meldspoor.web.meldcase.FormErrors;
import nl.meldspoor.web.services.ActingRole;
import nl.meldspoor.web.services.ServiceRefusal;
import nl.meldspoor.web.services.Services;
import nl.meldspoor.web.services.StaffRole;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The incident register of the school the person acts for (UI.md screen 16): filters by period, type and protocol
 * progress (a plain GET form, no JS), the reporting-service's CSV relayed as it is, and an A4 PDF for the yearly
 * analysis and the inspectie with the filter stated on it. Who may read the register is the reporting-service's rule.
 */
@Controller
@RequestMapping("/incidenten")
class RegisterPages {

    private static final int PAGE_SIZE = 200;
    private static final int MAX_PAGES = 50;

    private final IncidentWork incidents;
    private final Services services;
    private final PdfDocuments pdf;

    RegisterPages(IncidentWork incidents, Services services, PdfDocuments pdf) {
        this.incidents = incidents;
        this.services = services;
        this.pdf = pdf;
    }

    @GetMapping
    String register(HttpServletRequest request, @RequestParam(defaultValue = "") String van, @RequestParam(defaultValue = "") String tot,
                    @RequestParam(defaultValue = "") String soort, @RequestParam(defaultValue = "") String voortgang,
                    Model model, HttpServletResponse response) {
        String school = school(request);
        FormErrors errors = new FormErrors();
        RegisterFilter filter = filter(van, tot, soort, voortgang, errors);
        List<Map<String, Object>> rows = List.of();
        if (!errors.any()) {
            try {
                rows = all(school, filter);
            } catch (ServiceRefusal refusal) {
                if (refusal.hidden() || refusal.status() == 401 || refusal.status() >= 500) {
                    throw refusal;
                }
                refusal.errors().forEach(error -> errors.add("to".equals(error.field()) ? "tot" : "from".equals(error.field()) ? "van" : null,
                        "to".equals(error.field()) ? "De einddatum moet op of na de begindatum liggen." : error.reason()));
                if (refusal.errors().isEmpty()) {
                    errors.add(null, refusal.detail() != null ? refusal.detail() : "Het register weigerde dit filter.");
                }
            }
        }
        if (errors.any()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        }
        Map<String, String> typed = new LinkedHashMap<>(Map.of("van", van, "tot", tot, "soort", soort, "voortgang", voortgang));
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("filter", filter);
        model.addAttribute("rows", rows);
        model.addAttribute("school", school);
        return "incident/register";
    }

    @GetMapping("/register.csv")
    ResponseEntity<byte[]> csv(HttpServletRequest request, @RequestParam(defaultValue = "") String van, @RequestParam(defaultValue = "") String tot,
                               @RequestParam(defaultValue = "") String soort, @RequestParam(defaultValue = "") String voortgang) {
        String school = school(request);
        RegisterFilter filter = validFilter(van, tot, soort, voortgang);
        byte[] csv = incidents.registerCsv(school, filter);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("incidentenregister-" + school + ".csv").build().toString())
                .body(csv);
    }

    @GetMapping("/register.pdf")
    ResponseEntity<byte[]> pdf(HttpServletRequest request, @RequestParam(defaultValue = "") String van, @RequestParam(defaultValue = "") String tot,
                               @RequestParam(defaultValue = "") String soort, @RequestParam(defaultValue = "") String voortgang) {
        String school = school(request);
        RegisterFilter filter = validFilter(van, tot, soort, voortgang);
        List<Map<String, Object>> rows = all(school, filter);
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("school", school);
        variables.put("filter", filter);
        variables.put("rows", rows);
        variables.put("printedAt", ZonedDateTime.now(IncidentWords.SCHOOL_ZONE).toInstant().toString());
        byte[] document = pdf.render("incident/register-pdf", variables);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("incidentenregister-" + school + ".pdf").build().toString())
                .body(document);
    }

    /** Every line of the filtered register, page by page as the service hands them out. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> all(String school, RegisterFilter filter) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            Map<String, Object> answer = incidents.register(school, filter, page, PAGE_SIZE);
            rows.addAll((List<Map<String, Object>>) answer.getOrDefault("incidents", List.of()));
            Object pages = answer.get("totalPages");
            if (!(pages instanceof Number total) || page + 1 >= total.intValue()) {
                break;
            }
        }
        return rows;
    }

    private static RegisterFilter validFilter(String van, String tot, String soort, String voortgang) {
        FormErrors errors = new FormErrors();
        RegisterFilter filter = filter(van, tot, soort, voortgang, errors);
        if (errors.any()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        return filter;
    }

    private static RegisterFilter filter(String van, String tot, String soort, String voortgang, FormErrors errors) {
        LocalDate from = day(van, "van", errors);
        LocalDate through = day(tot, "tot", errors);
        if (from != null && through != null && through.isBefore(from)) {
            errors.add("tot", "De einddatum moet op of na de begindatum liggen.");
        }
        String type = soort.isBlank() ? null : soort.strip();
        if (type != null && !IncidentWords.TYPES.containsKey(type)) {
            errors.add("soort", "Kies een soort incident uit de lijst.");
            type = null;
        }
        String status = voortgang.isBlank() ? null : voortgang.strip();
        if (status != null && !IncidentWords.PROTOCOL_STATUS.containsKey(status)) {
            errors.add("voortgang", "Kies een voortgang uit de lijst.");
            status = null;
        }
        return new RegisterFilter(from, through, type, status);
    }

    private static LocalDate day(String value, String field, FormErrors errors) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException unreadable) {
            errors.add(field, "Vul een datum in, bijvoorbeeld 2026-08-24.");
            return null;
        }
    }

    private String school(HttpServletRequest request) {
        return ActingRole.current(request).or(() -> services.me().roles().stream().findFirst().map(StaffRole::acting))
                .map(ActingRole::scope).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
