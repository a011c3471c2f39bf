package nl.meldspoor.notifications.reminder;

import java.time.Clock;
import java.time.Instant;
import nl.meldspoor.notifications.notification.Notifications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gives the reminders that are due. The notification is raised before the reminder is marked given,
 * and its id is derived from the case and the reminder: a crash in between, a second instance or a
 * conflicting event leads to the same notification, never to a second one.
 */
@Component
public class ReminderScheduler {

    private static final int BATCH = 100;

    private final CaseWatches watches;
    private final ReminderTexts texts;
    private final Notifications notifications;
    private final Clock clock;

    public ReminderScheduler(CaseWatches watches, ReminderTexts texts, Notifications notifications, Clock clock) {
        this.watches = watches;
        this.texts = texts;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${meldspoor.notifications.scan-interval:30s}", initialDelayString = "${meldspoor.notifications.scan-interval:30s}")
    public void giveDueReminders() {
        Instant now = clock.instant();
        for (CaseWatch watch : watches.due(now, BATCH)) {
            for (Reminder reminder : watch.dueAt(now)) {
                notifications.raise(texts.alert(watch.caseId(), watch.schoolId(), reminder));
                watch.given(reminder);
            }
            watches.save(watch);
        }
    }
}
