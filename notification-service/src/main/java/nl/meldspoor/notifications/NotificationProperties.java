package nl.meldspoor.notifications;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the notification-service reads events and when it reminds.
 *
 * @param topics                 the event topics it consumes
 * @param partitions             partitions when it has to create a topic itself
 * @param replicationFactor      replication factor when it has to create a topic itself
 * @param immediateAlertHorizon  an immediate alert for an event recorded longer ago than this is still sent, once, but marked as late
 * @param inactivityReminder     days without activity on an open case before the casemanager is reminded
 * @param inactivityEscalation   further days without activity before the principal is told
 * @param remindersAt            the time of day at which reminders reach school staff (Europe/Amsterdam)
 * @param scanInterval           how often due reminders and undelivered mail are looked for
 * @param reminderClaim          how long one replica's scan holds a case whose reminders are due before another may
 *                               take it (when the first died with it); longer than a scan of one case takes
 * @param mail                   e-mail delivery
 */
@ConfigurationProperties("meldspoor.notifications")
public record NotificationProperties(
        List<String> topics,
        Integer partitions,
        Short replicationFactor,
        Duration immediateAlertHorizon,
        Integer inactivityReminder,
        Integer inactivityEscalation,
        LocalTime remindersAt,
        Duration scanInterval,
        Duration reminderClaim,
        Mail mail) {

    /**
     * @param from           sender address
     * @param firstRetry     wait after the first failed attempt; doubles with every further failure
     * @param maximumRetry   the longest wait between attempts
     * @param claim          how long one instance holds a mail it is sending before another may try
     */
    public record Mail(String from, Duration firstRetry, Duration maximumRetry, Duration claim) {

        public Mail {
            from = from == null ? "meldspoor@localhost" : from;
            firstRetry = firstRetry == null ? Duration.ofMinutes(1) : firstRetry;
            maximumRetry = maximumRetry == null ? Duration.ofHours(1) : maximumRetry;
            claim = claim == null ? Duration.ofMinutes(2) : claim;
        }
    }

    public NotificationProperties {
        topics = topics == null || topics.isEmpty() ? List.of("meldspoor.case-events", "meldspoor.signal-events") : List.copyOf(topics);
        partitions = partitions == null ? 3 : partitions;
        replicationFactor = replicationFactor == null ? 1 : replicationFactor;
        immediateAlertHorizon = immediateAlertHorizon == null ? Duration.ofHours(1) : immediateAlertHorizon;
        inactivityReminder = inactivityReminder == null ? 14 : inactivityReminder;
        inactivityEscalation = inactivityEscalation == null ? 7 : inactivityEscalation;
        remindersAt = remindersAt == null ? LocalTime.of(8, 0) : remindersAt;
        scanInterval = scanInterval == null ? Duration.ofSeconds(30) : scanInterval;
        reminderClaim = reminderClaim == null ? Duration.ofMinutes(2) : reminderClaim;
        mail = mail == null ? new Mail(null, null, null, null) : mail;
    }
}
