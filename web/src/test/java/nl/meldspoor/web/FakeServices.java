package nl.meldspoor.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nl.meldspoor.web.services.Inbox;
import nl.meldspoor.web.services.ServiceRefusal;
import nl.meldspoor.web.services.Services;
import nl.meldspoor.web.services.SignedIn;
import nl.meldspoor.web.services.StaffRole;

/** The services as the pages see them, without HTTP: a person with roles and an inbox, or a refusal. */
public class FakeServices implements Services {

    public volatile SignedIn me = new SignedIn("lk-a", List.of(new StaffRole("TEACHER", "school-a", null)));
    public final List<Inbox.Item> notifications = new ArrayList<>();
    public final Set<String> markedRead = ConcurrentHashMap.newKeySet();
    public volatile ServiceRefusal refusal;

    public void reset() {
        me = new SignedIn("lk-a", List.of(new StaffRole("TEACHER", "school-a", null)));
        notifications.clear();
        markedRead.clear();
        refusal = null;
    }

    public void notify(String id, String subject, boolean read) {
        notifications.add(new Inbox.Item(id, "URGENT_SIGNAL", "school-a", "pupil-1", subject, "Tekst van " + subject,
                Instant.parse("2026-12-01T08:00:00Z"), read, read ? Instant.parse("2026-12-01T09:00:00Z") : null));
    }

    @Override
    public SignedIn me() {
        refuseIfAsked();
        return me;
    }

    @Override
    public Inbox inbox(Boolean read, int page, int size) {
        refuseIfAsked();
        List<Inbox.Item> shown = notifications.stream()
                .filter(item -> read == null || item.read() == read && !markedRead.contains(item.id()))
                .map(item -> markedRead.contains(item.id()) ? new Inbox.Item(item.id(), item.type(), item.schoolId(), item.reference(),
                        item.subject(), item.body(), item.createdAt(), true, Instant.now()) : item)
                .toList();
        long unread = shown.stream().filter(item -> !item.read()).count();
        return new Inbox(shown.stream().skip((long) page * size).limit(size).toList(), unread, shown.size(), page, size);
    }

    @Override
    public void markRead(String notificationId) {
        refuseIfAsked();
        markedRead.add(notificationId);
    }

    private void refuseIfAsked() {
        if (refusal != null) {
            throw refusal;
        }
    }
}
