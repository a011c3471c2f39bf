package nl.meldspoor.web.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import nl.meldspoor.web.services.ServiceRefusal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The school's access log (UI.md screen 18) for its directeur and the auditor: who, in which role, looked at what, when
 * and why; filtered by person, record and period with a plain GET form, a page at a time. The reporting-service decides
 * who may read it; a refusal looks like a page that does not exist.
 */
@Controller
class AccessLogPage {

    static final int PAGE_SIZE = 25;

    private final AuditWork audit;
    private final AuditScope scope;

    AccessLogPage(AuditWork audit, AuditScope scope) {
        this.audit = audit;
        this.scope = scope;
    }

    @GetMapping("/toegangslog")
    String accessLog(HttpServletRequest request, HttpServletResponse response,
                     @RequestParam(defaultValue = "") String school, @RequestParam(defaultValue = "") String persoon,
                     @RequestParam(defaultValue = "") String kenmerk, @RequestParam(defaultValue = "") String van,
                     @RequestParam(defaultValue = "") String tot, @RequestParam(defaultValue = "0") int pagina, Model model) {
        AuditScope.Acting acting = scope.acting(request);
        String chosen = acting.schoolOf(school);
        FieldErrors errors = new FieldErrors();
        LocalDate from = day("van", van, errors);
        LocalDate until = day("tot", tot, errors);
        if (from != null && until != null && until.isBefore(from)) {
            errors.add("tot", "De einddatum ligt voor de begindatum.");
        }
        model.addAttribute("acting", acting);
        model.addAttribute("school", chosen);
        model.addAttribute("persoon", persoon);
        model.addAttribute("kenmerk", kenmerk);
        model.addAttribute("van", van);
        model.addAttribute("tot", tot);
        model.addAttribute("errors", errors);
        if (acting.boardWide()) {
            model.addAttribute("schools", audit.schools());
        }
        if (chosen != null && !errors.any()) {
            try {
                // "tot en met" a day: the service's end is the start of the day after
                model.addAttribute("log", audit.accessLog(chosen, blankAsNull(persoon), blankAsNull(kenmerk), from,
                        until == null ? null : until.plusDays(1), Math.max(0, pagina), PAGE_SIZE));
            } catch (ServiceRefusal refusal) {
                if (refusal.hidden() || refusal.status() == 401 || refusal.status() >= 500) {
                    throw refusal;
                }
                refusal.errors().forEach(error -> errors.add(fieldOf(error.field()), error.reason()));
                if (refusal.errors().isEmpty()) {
                    errors.add(null, refusal.detail() != null ? refusal.detail() : "Het toegangslog weigerde dit filter.");
                }
            }
        }
        if (errors.any()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        }
        return "audit/toegangslog";
    }

    private static String fieldOf(String serviceField) {
        if (serviceField == null) {
            return null;
        }
        return switch (serviceField) {
            case "personId" -> "persoon";
            case "recordId" -> "kenmerk";
            case "from" -> "van";
            case "to" -> "tot";
            default -> null;
        };
    }

    private static LocalDate day(String field, String value, FieldErrors errors) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException unreadable) {
            errors.add(field, "Vul een datum in, bijvoorbeeld 2026-12-02.");
            return null;
        }
    }

    private static String blankAsNull(String value) {
        return value.isBlank() ? null : value.strip();
    }
}
