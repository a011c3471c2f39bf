package nl.meldspoor.web.services;

import java.time.Instant;
import java.util.List;

/** A page of the notification-service's inbox of the signed-in person, with their unread count. */
public record Inbox(List<Item> notifications, long unread, long totalElements, int page, int size) {

    public Inbox {
        notifications = notifications == null ? List.of() : List.copyOf(notifications);
    }

    public record Item(String id, String type, String schoolId, String reference, String subject, String body, Instant createdAt,
                       boolean read, Instant readAt) {
    }
}
