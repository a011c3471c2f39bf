package nl.meldspoor.notifications.notification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import nl.meldspoor.notifications.alert.NotificationType;
import nl.meldspoor.platform.web.ActingPersonResolver;
import nl.meldspoor.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The in-app inbox of the acting person: their notifications only, newest first, read or unread. */
@RestController
@RequestMapping("/api/inbox")
@Tag(name = "Inbox", description = "Meldingen en herinneringen per medewerker, met de bezorging per e-mail")
class InboxEndpoints {

    private static final int MAX_PAGE_SIZE = 100;

    private final Notifications notifications;
    private final ActingPersonResolver actingPerson;

    InboxEndpoints(Notifications notifications, ActingPersonResolver actingPerson) {
        this.notifications = notifications;
        this.actingPerson = actingPerson;
    }

    record InboxItem(String id, NotificationType type, String schoolId, String reference, String subject, String body,
                     Instant createdAt, boolean read, Instant readAt, MailDelivery mail, boolean late) {

        static InboxItem of(Notification notification) {
            return new InboxItem(notification.id(), notification.type(), notification.schoolId(), notification.reference(),
                    notification.subject(), notification.body(), notification.createdAt(), notification.read(), notification.readAt(),
                    notification.mail(), notification.late());
        }
    }

    record InboxPage(List<InboxItem> notifications, long unread, long totalElements, int page, int size) {
    }

    @GetMapping
    @Operation(summary = "De inbox van de ingelogde medewerker, nieuwste eerst")
    ResponseEntity<?> inbox(HttpServletRequest request,
                            @Parameter(description = "true: alleen gelezen, false: alleen ongelezen, leeg: alles") @RequestParam(required = false) Boolean read,
                            @RequestParam(defaultValue = "0") int page,
                            @RequestParam(defaultValue = "20") int size) {
        String person = actingPerson.staffMember(request).personId();
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            return ResponseEntity.badRequest().body(Problems.problem(HttpStatus.BAD_REQUEST, "INVALID_INPUT", "Ongeldige invoer",
                    "page vanaf 0, size van 1 tot en met " + MAX_PAGE_SIZE + ".",
                    List.of(new Problems.FieldError(page < 0 ? "page" : "size", "buiten het toegestane bereik"))));
        }
        List<InboxItem> items = notifications.inbox(person, read, page, size).stream().map(InboxItem::of).toList();
        return ResponseEntity.ok(new InboxPage(items, notifications.count(person, false), notifications.count(person, read), page, size));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Eén melding uit de eigen inbox, met de pogingen tot bezorging per e-mail")
    ResponseEntity<?> one(HttpServletRequest request, @PathVariable String id) {
        String person = actingPerson.staffMember(request).personId();
        return notifications.find(id).filter(notification -> notification.recipientId().equals(person))
                .<ResponseEntity<?>>map(notification -> ResponseEntity.ok(InboxItem.of(notification)))
                .orElseGet(() -> notFound(id));
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Markeer een melding als gelezen")
    ResponseEntity<?> read(HttpServletRequest request, @PathVariable String id) {
        return mark(request, id, true);
    }

    @PostMapping("/{id}/unread")
    @Operation(summary = "Markeer een melding als ongelezen")
    ResponseEntity<?> unread(HttpServletRequest request, @PathVariable String id) {
        return mark(request, id, false);
    }

    private ResponseEntity<?> mark(HttpServletRequest request, String id, boolean read) {
        String person = actingPerson.staffMember(request).personId();
        return notifications.mark(id, person, read)
                .<ResponseEntity<?>>map(notification -> ResponseEntity.ok(InboxItem.of(notification)))
                .orElseGet(() -> notFound(id));
    }

    /** Someone else's notification is as unknown as a non-existent one. */
    private static ResponseEntity<?> notFound(String id) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "Niet gevonden",
                "Er is geen melding met kenmerk " + id + " in uw inbox."));
    }
}
