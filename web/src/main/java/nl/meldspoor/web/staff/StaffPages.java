package nl.meldspoor.web.staff;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.meldspoor.web.audit.FieldErrors;
import nl.meldspoor.web.services.ServiceRefusal;
import nl.meldspoor.web.services.StaffRole;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Personeel" (UI.md screen 19) for the board's administrator: who holds which role at a school, in a cluster or for the
 * board; give a role (an auditor's with an end date) and take one back after "Controleer". The case-service decides who
 * administers and which grants are valid; a refusal comes back next to its field with everything typed kept.
 */
@Controller
@RequestMapping("/personeel")
class StaffPages {

    /** The roles in the order of DOMAIN.md §1, with their Dutch names. */
    static final Map<String, String> ROLES = new LinkedHashMap<>();

    static {
        for (String role : List.of("TEACHER", "CARE_COORDINATOR", "ADVISOR", "PRINCIPAL", "CONFIDANT", "CLUSTER_DIRECTOR", "BOARD_OFFICER", "AUDITOR")) {
            ROLES.put(role, new StaffRole(role, "", null).roleName());
        }
    }

    private final StaffAdministration staff;

    StaffPages(StaffAdministration staff) {
        this.staff = staff;
    }

    @GetMapping
    String directory(Authentication person, @RequestParam(defaultValue = "") String persoon, @RequestParam(defaultValue = "") String plaats,
                     Model model) {
        requireAdministrator(person);
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("persoon", persoon.strip());
        typed.put("plaats", plaats.strip());
        return show(model, persoon.strip(), plaats.strip(), typed, new FieldErrors());
    }

    @PostMapping("/rollen")
    String grant(Authentication person, HttpServletResponse response, @RequestParam(defaultValue = "") String persoon,
                 @RequestParam(defaultValue = "") String rol, @RequestParam(defaultValue = "") String plaats,
                 @RequestParam(defaultValue = "") String einddatum, Model model, RedirectAttributes redirect) {
        requireAdministrator(person);
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("persoon", persoon.strip());
        typed.put("rol", rol.strip());
        typed.put("plaats", plaats.strip());
        typed.put("einddatum", einddatum.strip());
        FieldErrors errors = new FieldErrors();
        if (typed.get("persoon").isEmpty()) {
            errors.add("persoon", "Vul het kenmerk van de medewerker in.");
        }
        if (!ROLES.containsKey(typed.get("rol"))) {
            errors.add("rol", "Kies een rol.");
        }
        if (typed.get("plaats").isEmpty()) {
            errors.add("plaats", "Vul de school, het cluster of 'board' in.");
        }
        LocalDate until = null;
        if (!typed.get("einddatum").isEmpty()) {
            try {
                until = LocalDate.parse(typed.get("einddatum"));
            } catch (DateTimeParseException unreadable) {
                errors.add("einddatum", "Vul een datum in, bijvoorbeeld 2027-03-01.");
            }
        }
        if (!errors.any()) {
            try {
                staff.grant(typed.get("persoon"), typed.get("rol"), typed.get("plaats"), until);
                redirect.addFlashAttribute("done", typed.get("persoon") + " is nu " + ROLES.get(typed.get("rol")) + " · " + typed.get("plaats")
                        + ". Bij de volgende keer inloggen (of na wisselen van rol) heeft de medewerker de rol.");
                return "redirect:/personeel?persoon=" + java.net.URLEncoder.encode(typed.get("persoon"), java.nio.charset.StandardCharsets.UTF_8);
            } catch (ServiceRefusal refusal) {
                refused(refusal, errors);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return show(model, typed.get("persoon"), "", typed, errors);
    }

    /** "Controleer": what will be taken back, before it is. */
    @GetMapping("/{personId}/rollen/{role}/{scope}/intrekken")
    String checkRevoke(Authentication person, @PathVariable String personId, @PathVariable String role, @PathVariable String scope, Model model) {
        requireAdministrator(person);
        return revokePage(model, personId, role, scope, new FieldErrors());
    }

    @PostMapping("/{personId}/rollen/{role}/{scope}/intrekken")
    String revoke(Authentication person, HttpServletResponse response, @PathVariable String personId, @PathVariable String role,
                  @PathVariable String scope, Model model, RedirectAttributes redirect) {
        requireAdministrator(person);
        try {
            staff.revoke(personId, role, scope);
            redirect.addFlashAttribute("done", "De rol " + ROLES.getOrDefault(role, role) + " · " + scope + " van " + personId + " is ingetrokken.");
            return "redirect:/personeel?persoon=" + java.net.URLEncoder.encode(personId, java.nio.charset.StandardCharsets.UTF_8);
        } catch (ServiceRefusal refusal) {
            FieldErrors errors = new FieldErrors();
            refused(refusal, errors);
            response.setStatus(refusal.status() == HttpStatus.CONFLICT.value() ? HttpStatus.CONFLICT.value() : HttpStatus.UNPROCESSABLE_ENTITY.value());
            return revokePage(model, personId, role, scope, errors);
        }
    }

    private String show(Model model, String personId, String scope, Map<String, String> typed, FieldErrors errors) {
        model.addAttribute("roles", ROLES);
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("persoon", personId);
        model.addAttribute("plaats", scope);
        if (!personId.isEmpty()) {
            model.addAttribute("person", lookUp(() -> staff.person(personId)));
        }
        if (!scope.isEmpty()) {
            model.addAttribute("people", lookUp(() -> staff.atScope(scope)));
        }
        return "staff/personeel";
    }

    private String revokePage(Model model, String personId, String role, String scope, FieldErrors errors) {
        model.addAttribute("personId", personId);
        model.addAttribute("role", role);
        model.addAttribute("roleName", ROLES.getOrDefault(role, role));
        model.addAttribute("scope", scope);
        model.addAttribute("errors", errors);
        return "staff/intrekken";
    }

    /** A look-up the service refuses for its input (not for access) shows nothing rather than an error page. */
    private static <T> T lookUp(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (ServiceRefusal refusal) {
            if (refusal.hidden() || refusal.status() == 401 || refusal.status() >= 500) {
                throw refusal;
            }
            return null;
        }
    }

    private static void refused(ServiceRefusal refusal, FieldErrors errors) {
        if (refusal.hidden() || refusal.status() == HttpStatus.UNAUTHORIZED.value() || refusal.status() >= 500) {
            throw refusal;
        }
        refusal.errors().forEach(error -> errors.add(fieldOf(error.field()), error.reason()));
        if (refusal.errors().isEmpty()) {
            errors.add(null, refusal.detail() != null ? refusal.detail() : "Het personeelsbestand weigerde dit.");
        }
    }

    /** The service's field names on this form: a refusal lands next to the field the administrator filled in. */
    static String fieldOf(String serviceField) {
        if (serviceField == null) {
            return null;
        }
        if (serviceField.endsWith("personId")) {
            return "persoon";
        }
        if (serviceField.endsWith("validUntil")) {
            return "einddatum";
        }
        if (serviceField.endsWith("scope")) {
            return "plaats";
        }
        if (serviceField.endsWith("role")) {
            return "rol";
        }
        return null;
    }

    /** Only the service knows who administers the directory; to anyone else this page does not exist (403 looks like 404). */
    private void requireAdministrator(Authentication person) {
        if (person == null || !staff.isAdministrator(person.getName())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
