package nl.meldspoor.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loaded board's open cases are years old, so every reminder they were due is given as soon as the
 * notification-service has read them: thousands of notifications and mails that would otherwise take the machine's
 * CPU while the probes run. This waits, read-only, until the notification-service has caught up: its consumer group has
 * read the event topics to their ends, no case watch in its MongoDB has a reminder due ({@code case_watches.nextDueAt}
 * ≤ now, the reminder scan's own query) and no mail waits to be delivered ({@code notifications.mail.status} PENDING,
 * what the gauge {@code meldspoor_notifications_pending} counts). Reminders stay on: the service gives them at its own
 * pace ({@code scan-interval}; each scan gives every reminder and sends every mail that is due).
 */
final class ReminderDrain implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReminderDrain.class);
    static final String GROUP = "notification-service";

    /** What the drain took and gave. */
    record Drained(Duration took, long notifications, long mailsSent, long casesWatched) {
    }

    private final MongoClient client;
    private final MongoDatabase notifications;
    private final KafkaLag kafka;

    ReminderDrain(String notificationsMongoUri, KafkaLag kafka) {
        this.client = MongoClients.create(notificationsMongoUri);
        this.notifications = client.getDatabase(notificationsMongoUri.substring(notificationsMongoUri.lastIndexOf('/') + 1));
        this.kafka = kafka;
    }

    Drained await(Duration timeout) throws Exception {
        Instant started = Instant.now();
        Instant deadline = started.plus(timeout);
        Instant nextProgress = started.plus(ReadModelRebuild.PROGRESS_EVERY);
        long notificationsBefore = notifications();
        long sentBefore = sent();
        // seen clear twice a scan apart: a scan may hold due cases it has claimed but not saved yet
        int clearInARow = 0;
        while (true) {
            long unread = kafka.lag(GROUP);
            long due = due();
            long pending = pending();
            if (unread == 0 && due == 0 && pending == 0) {
                if (++clearInARow >= 2) {
                    return new Drained(Duration.between(started, Instant.now()), notifications() - notificationsBefore, sent() - sentBefore,
                            notifications.getCollection("case_watches").countDocuments());
                }
            } else {
                clearInARow = 0;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The notification-service did not drain its reminders within " + timeout + ": " + progress(unread, due, pending));
            }
            if (Instant.now().isAfter(nextProgress)) {
                log.info("Waiting {} s for the board's reminders to drain: {}", Duration.between(started, Instant.now()).toSeconds(),
                        progress(unread, due, pending));
                nextProgress = Instant.now().plus(ReadModelRebuild.PROGRESS_EVERY);
            }
            Thread.sleep(clearInARow > 0 ? 1_000 : 500);
        }
    }

    private String progress(long unread, long due, long pending) {
        return "%s records not read by the notification-service, %d cases with a reminder due, %d mails pending; %d notifications, %d mails sent so far"
                .formatted(unread == Long.MAX_VALUE ? "all" : Long.toString(unread), due, pending, notifications(), sent());
    }

    private long due() {
        return notifications.getCollection("case_watches").countDocuments(Filters.lte("nextDueAt", Date.from(Instant.now())));
    }

    private long pending() {
        return notifications.getCollection("notifications").countDocuments(Filters.eq("mail.status", "PENDING"));
    }

    private long sent() {
        return notifications.getCollection("notifications").countDocuments(Filters.eq("mail.status", "SENT"));
    }

    private long notifications() {
        return notifications.getCollection("notifications").countDocuments();
    }

    @Override
    public void close() {
        client.close();
    }
}
