package nl.meldspoor.web.pages;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import nl.meldspoor.web.services.Services;

/** The person's inbox: alerts and reminders, newest first, with the unread count; each can be marked read. */
@Controller
class InboxPage {

    private static final int PAGE_SIZE = 20;

    private final Services services;

    InboxPage(Services services) {
        this.services = services;
    }

    @GetMapping("/inbox")
    String inbox(@RequestParam(defaultValue = "0") int pagina, Model model) {
        int page = Math.max(0, pagina);
        model.addAttribute("inbox", services.inbox(null, page, PAGE_SIZE));
        model.addAttribute("page", page);
        model.addAttribute("breadcrumbs", nl.meldspoor.web.meldcase.Crumb.trail(new nl.meldspoor.web.meldcase.Crumb("Inbox", "/inbox")));
        return "inbox";
    }

    /** Post, redirect, get: works without JavaScript; htmx only makes it quicker. */
    @PostMapping("/inbox/{id}/gelezen")
    String markRead(@PathVariable String id) {
        services.markRead(id);
        return "redirect:/inbox";
    }
}
