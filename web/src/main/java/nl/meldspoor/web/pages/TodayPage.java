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

    private final Services services;

    TodayPage(Services services) {
        this.services = services;
    }

    @GetMapping("/")
    String today(HttpServletRequest request, Model model) {
        SignedIn me = services.me();
        StaffRole acting = actingRole(request, me);
        Inbox unread = services.inbox(false, 0, LATEST);
        model.addAttribute("me", me);
        model.addAttribute("acting", acting);
        model.addAttribute("unread", unread);
        return "today";
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
