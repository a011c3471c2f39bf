package nl.meldspoor.notifications.notification;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.meldspoor.notifications.alert.Alert;
import nl.meldspoor.notifications.organisation.Staff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The stored notifications: raising them once, the inbox, and the state of their e-mail. */
@Component
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private final MongoTemplate mongo;
    private final Staff staff;
    private final Clock clock;
    private final MeterRegistry meters;

    public Notifications(MongoTemplate mongo, Staff staff, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.staff = staff;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Stores a notification per recipient unless that recipient already has it; returns how many are new. An alert
     * with a {@link Alert#onceKey() key} is raised as the first event that brought it: for the same recipients and
     * under the same source, so a second event with the same key notifies nobody again.
     */
    public int raise(Alert alert) {
        Instant now = clock.instant();
        if (alert.onceKey() != null) {
            RaisedOnce first = first(alert, now);
            alert = alert.as(first.sourceKey(), first.recipients());
        }
        int raised = 0;
        for (String recipient : alert.recipients()) {
            Notification notification = new Notification(Notification.idOf(alert.sourceKey(), recipient), alert.type(), alert.sourceKey(),
                    recipient, alert.schoolId(), alert.reference(), alert.subject(), alert.body(), now, null,
                    MailDelivery.to(staff.email(recipient).orElse(null), now), alert.late());
            try {
                mongo.insert(notification);
                raised++;
                Counter.builder("meldspoor.notifications.raised").description("Notifications raised")
                        .tag("type", alert.type().name()).register(meters).increment();
                log.info("Notification {} ({}{}) for {}", notification.id(), alert.type(), alert.late() ? ", late" : "", recipient);
            } catch (DuplicateKeyException alreadyRaised) {
                log.debug("Notification {} for {} was raised before", notification.id(), recipient);
            }
        }
        return raised;
    }

    /**
     * The first event's claim on the alert's key, made now if no event made it before. Notifications raised before
     * alerts had keys (same type, school and reference) make their source the first, so an upgrade does not alert
     * an escalated signal a second time.
     */
    private RaisedOnce first(Alert alert, Instant now) {
        RaisedOnce existing = mongo.findById(alert.onceKey(), RaisedOnce.class);
        if (existing != null) {
            return existing;
        }
        Notification earlier = mongo.findOne(query(where("type").is(alert.type()).and("schoolId").is(alert.schoolId())
                .and("reference").is(alert.reference())), Notification.class);
        RaisedOnce claim = earlier == null
                ? new RaisedOnce(alert.onceKey(), alert.sourceKey(), alert.recipients(), now)
                : new RaisedOnce(alert.onceKey(), earlier.sourceKey(), recipientsOf(earlier.sourceKey()), now);
        try {
            return mongo.insert(claim);
        } catch (DuplicateKeyException raceLost) {
            return mongo.findById(alert.onceKey(), RaisedOnce.class);
        }
    }

    private Set<String> recipientsOf(String sourceKey) {
        return mongo.find(query(where("sourceKey").is(sourceKey)), Notification.class).stream()
                .map(Notification::recipientId).collect(Collectors.toSet());
    }

    public Optional<Notification> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Notification.class));
    }

    public List<Notification> inbox(String recipientId, Boolean read, int page, int size) {
        Query inbox = inboxQuery(recipientId, read).with(Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("_id")))
                .skip((long) page * size).limit(size);
        return mongo.find(inbox, Notification.class);
    }

    public long count(String recipientId, Boolean read) {
        return mongo.count(inboxQuery(recipientId, read), Notification.class);
    }

    private static Query inboxQuery(String recipientId, Boolean read) {
        Query inbox = query(where("recipientId").is(recipientId));
        if (read != null) {
            inbox.addCriteria(read ? where("readAt").ne(null) : where("readAt").is(null));
        }
        return inbox;
    }

    /** Marks read (keeping the first moment) or unread; only the recipient's own notification. */
    public Optional<Notification> mark(String id, String recipientId, boolean read) {
        Query own = query(where("_id").is(id).and("recipientId").is(recipientId));
        if (read) {
            mongo.updateFirst(query(where("_id").is(id).and("recipientId").is(recipientId).and("readAt").is(null)),
                    new Update().set("readAt", clock.instant()), Notification.class);
        } else {
            mongo.updateFirst(own, new Update().unset("readAt"), Notification.class);
        }
        return Optional.ofNullable(mongo.findOne(own, Notification.class));
    }

    /** E-mails whose next attempt is due. */
    List<Notification> mailDue(Instant now, int limit) {
        return mongo.find(query(where("mail.status").is(MailStatus.PENDING).and("mail.nextAttemptAt").lte(now))
                .with(Sort.by("mail.nextAttemptAt")).limit(limit), Notification.class);
    }

    /** Takes an e-mail for sending until {@code until}; false when another instance took it first. */
    boolean claim(Notification notification, Instant until) {
        return mongo.updateFirst(query(where("_id").is(notification.id()).and("mail.status").is(MailStatus.PENDING)
                        .and("mail.nextAttemptAt").is(notification.mail().nextAttemptAt())),
                new Update().set("mail.nextAttemptAt", until), Notification.class).getModifiedCount() == 1;
    }

    void sent(Notification notification, Instant at) {
        mongo.updateFirst(query(where("_id").is(notification.id())), new Update()
                .push("mail.attempts", new MailDelivery.Attempt(at, true, null))
                .set("mail.status", MailStatus.SENT)
                .set("mail.sentAt", at)
                .unset("mail.nextAttemptAt"), Notification.class);
    }

    void failed(Notification notification, Instant at, String error, Instant nextAttemptAt) {
        mongo.updateFirst(query(where("_id").is(notification.id())), new Update()
                .push("mail.attempts", new MailDelivery.Attempt(at, false, error))
                .set("mail.nextAttemptAt", nextAttemptAt), Notification.class);
    }
}
