package nl.meldspoor.web.services;

import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A page of the notification-service's inbox of the signed-in person, with their unread count. */
public record Inbox(List<Item> notifications, long unread, long totalElements, int page, int size) {

    public Inbox {
        notifications = notifications == null ? List.of() : List.copyOf(notifications);
    }

    public record Item(String id, String type, String schoolId, String reference, String subject, String body, Instant createdAt,
                       boolean read, Instant readAt) {

        private static final Pattern CASE = Pattern.compile("^dossier ([A-Za-z0-9:_-]+)$");
        private static final Pattern INCIDENT = Pattern.compile("^incident ([A-Za-z0-9:_-]+)$");
        private static final Pattern SIGNAL = Pattern.compile("^leerling ([A-Za-z0-9_-]+), signaal \\S+$");

        /**
         * The page of the record the notification is about, read from the notification-service's reference ("dossier …",
         * "incident …", "leerling …, signaal …"); {@code null} when it names none. Alerts go to the people who may open the
         * record; whether they still may is the service's to say when the page is opened.
         */
        public String href() {
            if (reference == null) {
                return null;
            }
            Matcher matcher = CASE.matcher(reference);
            if (matcher.matches()) {
                return "/dossiers/" + matcher.group(1);
            }
            matcher = INCIDENT.matcher(reference);
            if (matcher.matches()) {
                return "/incidenten/" + matcher.group(1);
            }
            matcher = SIGNAL.matcher(reference);
            return matcher.matches() ? "/leerlingen/" + matcher.group(1) + "/zorglogboek" : null;
        }
    }
}
