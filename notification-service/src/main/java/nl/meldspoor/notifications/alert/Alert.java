package nl.meldspoor.notifications.alert;

import java.util.Set;

/**
 * What is to be told to whom, once.
 *
 * @param sourceKey what the alert is about — an event id, or a case's reminder — so that with the
 *                  recipient it identifies the notification: the same source never notifies a person twice
 * @param reference where the recipient finds it (a case, a pupil's signal, an incident)
 * @param onceKey   what the alert is about beyond one event, when the same fact can arrive in several events
 *                  (a signal recorded in the pupil file and again in a case): the alert is raised for the first
 *                  of them only; {@code null} when the event is the only source
 * @param late      the event was recorded longer ago than the alert horizon (an outage, a consumer catching up):
 *                  still raised, and it says so
 */
public record Alert(NotificationType type, String sourceKey, String schoolId, String reference, Set<String> recipients,
                    String subject, String body, String onceKey, boolean late) {

    public Alert {
        recipients = Set.copyOf(recipients);
    }

    public Alert(NotificationType type, String sourceKey, String schoolId, String reference, Set<String> recipients,
                 String subject, String body) {
        this(type, sourceKey, schoolId, reference, recipients, subject, body, null, false);
    }

    /** The same alert, raised once per {@code key} whichever event brings it. */
    public Alert once(String key) {
        return new Alert(type, sourceKey, schoolId, reference, recipients, subject, body, key, late);
    }

    /** The same alert for the recipients and under the source of the first event that raised it. */
    public Alert as(String firstSourceKey, Set<String> firstRecipients) {
        return new Alert(type, firstSourceKey, schoolId, reference, firstRecipients, subject, body, onceKey, late);
    }

    Alert late(String lateSubject, String lateBody) {
        return new Alert(type, sourceKey, schoolId, reference, recipients, lateSubject, lateBody, onceKey, true);
    }
}
