package nl.meldspoor.notifications.reminder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.meldspoor.notifications.NotificationProperties;
import nl.meldspoor.notifications.notification.Notifications;
import nl.meldspoor.notifications.organisation.Recipients;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gives the reminders that are due. Every replica scans; each due case watch is first claimed by one scan for a while
 * ({@code meldspoor.notifications.reminder-claim}), so two replicas scanning at once split the due cases instead of
 * both working through them. The notification is raised before the reminder is marked given,
 * and its id is derived from the case and the reminder: a crash in between, a claim that lapsed, a second instance or a
 * conflicting event leads to the same notification, never to a second one; and its mail is claimed per notification
 * before it is sent ({@code MailDispatcher}). A replica that dies holding a claim delays those reminders until the
 * claim lapses, and then any replica gives them. Who a reminder goes to is decided as it
 * is given: the case team members it names who still hold a case-team role at the school, the principal for any who
 * no longer do. While the staff directory is still being read at start-up no reminder is given; they stay due.
 */
@Component
public class ReminderScheduler {

    /**
     * A scan's bound, so that one scan ends even if a watch came back as due; otherwise a scan gives every reminder due,
     * so a backlog (a board loaded with years of history, a service that was down) does not wait one batch per interval.
     */
    static final int MOST_PER_SCAN = 10_000;
    /** Due watches looked for at once; each is then claimed on its own. */
    static final int BATCH = 100;

    private final CaseWatches watches;
    private final ReminderTexts texts;
    private final Notifications notifications;
    private final Recipients recipients;
    private final Clock clock;
    private final Duration claim;

    public ReminderScheduler(CaseWatches watches, ReminderTexts texts, Notifications notifications, Recipients recipients, Clock clock,
                             NotificationProperties properties) {
        this.claim = properties.reminderClaim();
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
        int taken = 0;
        List<String> due;
        do {
            due = watches.dueAndFree(clock.instant(), BATCH);
            for (String caseId : due) {
                // each watch is claimed from its own moment: a claim taken from the start of a long scan could have lapsed
                Instant now = clock.instant();
                watches.claim(caseId, now, now.plus(claim)).ifPresent(watch -> give(watch, now));
            }
            taken += due.size();
        } while (due.size() == BATCH && taken < MOST_PER_SCAN);
    }

    private void give(CaseWatch watch, Instant now) {
        for (Reminder reminder : watch.dueAt(now)) {
            notifications.raise(texts.alert(watch.caseId(), watch.schoolId(), reminder,
                    recipients.ofCaseTeam(reminder.type(), watch.schoolId(), reminder.recipients())));
            watch.given(reminder);
        }
        watch.released();
        watches.save(watch);
    }
}
