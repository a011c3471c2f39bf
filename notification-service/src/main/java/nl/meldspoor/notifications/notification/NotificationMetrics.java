package nl.meldspoor.notifications.notification;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import nl.meldspoor.notifications.alert.NotificationType;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Mail still to be delivered, per type, as a gauge read at every scrape. Raised, sent and failed
 * attempts are counters ({@code meldspoor_notifications_raised_total}, {@code …_sent_total},
 * {@code …_failed_total}), also per type.
 */
@Component
class NotificationMetrics {

    NotificationMetrics(MongoTemplate mongo, MeterRegistry meters) {
        for (NotificationType type : NotificationType.values()) {
            Gauge.builder("meldspoor.notifications.pending", mongo,
                            db -> db.count(query(where("type").is(type).and("mail.status").is(MailStatus.PENDING)), Notification.class))
                    .description("Notifications whose e-mail is not delivered yet")
                    .tag("type", type.name())
                    .register(meters);
        }
    }
}
