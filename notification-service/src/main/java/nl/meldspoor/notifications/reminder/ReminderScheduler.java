package nl.meldspoor.notifications.reminder;

import java.time.Clock;
import java.time.Instant;
import nl.meldspoor.notifications.notification.Notifications;
import nl.meldspoor.notifications.organisation.Recipients;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gives the reminders that are due. The notification is raised before the reminder is marked given,
 * and its id is derived from the case and the reminder: a crash in between, a second instance or a
 * conflicting event leads to the same notification, never to a second one. Who a reminder goes to is decided as it
 * is given: the case team members it names who still hold a case-team role at the school, the principal for any who
 * no longer do. While the staff directory is still being read at start-up no reminder is given; they stay due.
 */
@Component
public class ReminderScheduler {

    private static final int BATCH = 100;

    private final CaseWatches watches;
    private final ReminderTexts texts;
    private final Notifications notifications;
    private final Recipients recipients;
    private final Clock clock;

    public ReminderScheduler(CaseWatches watches, ReminderTexts texts, Notifications notifications, Recipients recipients, Clock clock) {
        this.recipients = recipients;
        this.watches = watches;
        this.texts = texts;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${meldspoor.notifications.scan-interval:30s}", initialDelayString = "${meldspoor.notifications.scan-interval:30s}")
    public void giveDueReminders() {
        if (!recipients.isLoaded()) {
            return;
        }
        Instant now = clock.instant();
        for (CaseWatch watch : watches.due(now, BATCH)) {
            for (Reminder reminder : watch.dueAt(now)) {
                notifications.raise(texts.alert(watch.caseId(), watch.schoolId(), reminder,
                        recipients.ofCaseTeam(reminder.type(), watch.schoolId(), reminder.recipients())));
                watch.given(reminder);
            }
            watches.save(watch);
        }
    }
}
