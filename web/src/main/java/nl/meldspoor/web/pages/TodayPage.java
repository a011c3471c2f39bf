package nl.meldspoor.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import nl.meldspoor.web.services.ActingRole;
import nl.meldspoor.web.services.Inbox;
import nl.meldspoor.web.services.Services;
import nl.meldspoor.web.services.SignedIn;
import nl.meldspoor.web.services.StaffRole;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Vandaag": the start page for the role the person acts in, with a role switcher when they hold more than one. */
@Controller
class TodayPage {

    private static final int LATEST = 5;
    /** Who must act on an urgent signal at once (UI.md: the banner stays for them until handled). */
    private static final java.util.Set<String> URGENT_READERS = java.util.Set.of("CARE_COORDINATOR", "ADVISOR", "PRINCIPAL");
    private static final int URGENT_PAGE = 50;
    private static final java.util.regex.Pattern SIGNAL_REFERENCE = java.util.regex.Pattern.compile("leerling (\\S+), signaal (\\S+)");

    /** An unhandled urgent signal at the school: its alert, and the pupil's zorglogboek when the reference names the pupil. */
    public record UrgentAlert(String subject, String pupilRef) {
    }

    private final Services services;

    TodayPage(Services services) {
        this.services = services;
    }

    @GetMapping("/")
    String today(HttpServletRequest request, Model model, java.security.Principal person) {
        SignedIn me;
        Inbox unread;
        try {
            me = services.me();
            unread = services.inbox(false, 0, LATEST);
        } catch (nl.meldspoor.web.services.ServiceRefusal refusal) {
            if (!refusal.hidden()) {
                throw refusal;
            }
            // the services know the person but give them no role (e.g. the board's administrator): a start page all the same
            me = new SignedIn(person.getName(), List.of());
            unread = new Inbox(List.of(), 0, 0, 0, LATEST);
        }
        StaffRole acting = actingRole(request, me);
        model.addAttribute("breadcrumbs", List.of()); // Vandaag is where every trail starts: no breadcrumb of its own
        model.addAttribute("me", me);
        model.addAttribute("acting", acting);
        model.addAttribute("unread", unread);
        model.addAttribute("urgent", acting != null && URGENT_READERS.contains(acting.role()) ? urgentAlerts(acting.scope()) : List.of());
        return "today";
    }

    /**
     * The urgent signals not yet handled at the school: the notification-service's URGENT_SIGNAL alerts the person has
     * not marked read. The web keeps no state of its own about them: marking the alert read in the inbox ends the banner.
     */
    private List<UrgentAlert> urgentAlerts(String school) {
        return services.inbox(false, 0, URGENT_PAGE).notifications().stream()
                .filter(item -> "URGENT_SIGNAL".equals(item.type()) && !item.read() && school.equals(item.schoolId()))
                .map(item -> {
                    java.util.regex.Matcher reference = SIGNAL_REFERENCE.matcher(item.reference() == null ? "" : item.reference());
                    return new UrgentAlert(item.subject(), reference.find() ? reference.group(1) : null);
                })
                .toList();
    }

    /** Only a role the directory gives the person today can be chosen; anything else changes nothing. */
    @PostMapping("/rol")
    String chooseRole(HttpServletRequest request, @RequestParam String rol) {
        services.me().roles().stream()
                .filter(role -> (role.role() + "|" + role.scope()).equals(rol))
                .findFirst()
                .ifPresent(role -> role.acting().choose(request));
        return "redirect:/";
    }

    static StaffRole actingRole(HttpServletRequest request, SignedIn me) {
        List<StaffRole> roles = me.roles();
        Optional<ActingRole> chosen = ActingRole.current(request);
        StaffRole acting = chosen.flatMap(choice -> roles.stream().filter(role -> role.is(choice)).findFirst())
                .orElse(roles.isEmpty() ? null : roles.get(0));
        if (acting != null && chosen.map(choice -> !acting.is(choice)).orElse(true)) {
            acting.acting().choose(request);
        }
        return acting;
    }
}
