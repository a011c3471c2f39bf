package nl.meldspoor.web.services;

/** What the pages ask of the services, always on behalf of the signed-in person. */
public interface Services {

    /** Who the signed-in person is and which roles they hold today (the case-service's staff directory). */
    SignedIn me();

    /** A page of their inbox, newest first; {@code read} null for everything. */
    Inbox inbox(Boolean read, int page, int size);

    /** Marks one of their notifications read. */
    void markRead(String notificationId);
}
