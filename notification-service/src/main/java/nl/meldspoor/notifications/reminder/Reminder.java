package nl.meldspoor.notifications.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.meldspoor.notifications.alert.NotificationType;

/**
 * A reminder a case is waiting to give.
 *
 * @param key    what it is about, with the date that makes it this one (a later report or a new period
 *               of inactivity is another reminder); a key fires once per case
 * @param dueAt  when it goes out: a school morning
 * @param due    the deadline itself, for the text (a day, or the moment of the last activity)
 */
public record Reminder(String key, NotificationType type, Instant dueAt, List<String> recipients, LocalDate due) {

    public Reminder {
        recipients = List.copyOf(recipients);
    }
}
