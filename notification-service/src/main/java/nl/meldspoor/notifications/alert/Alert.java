package nl.meldspoor.notifications.alert;

import java.util.Set;

/**
 * What is to be told to whom, once.
 *
 * @param sourceKey what the alert is about — an event id, or a case's reminder — so that with the
 *                  recipient it identifies the notification: the same source never notifies a person twice
 * @param reference where the recipient finds it (a case, a pupil's signal, an incident)
 */
public record Alert(NotificationType type, String sourceKey, String schoolId, String reference, Set<String> recipients,
                    String subject, String body) {

    public Alert {
        recipients = Set.copyOf(recipients);
    }
}
