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
import nl.meldspoor.notifications.organisation.Recipients;
import nl.meldspoor.notifications.organisation.Staff;
import org.bson.Document;
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
    /** Beside the claims, not one (no {@code :}): the store held no notification when claims were first made. */
    static final String EVERY_NOTIFICATION_CLAIMED = "every-notification-claimed";

    private final MongoTemplate mongo;
    private final Staff staff;
    private final Recipients recipients;
    private final Clock clock;
    private final MeterRegistry meters;
    /** False once the store is known to hold no notification without its claim; it stays so (claims are never removed). */
    private volatile boolean unclaimedMayBeStored = true;

    public Notifications(MongoTemplate mongo, Staff staff, Recipients recipients, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.staff = staff;
        this.recipients = recipients;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Stores a notification per recipient unless that recipient already has it; returns how many are new.
     *
     * <p>The first raising of an alert claims its recipients: under its {@link Alert#onceKey() key} when several
     * events can bring it, else under its source (an event, a case's reminder). Raising it again — a redelivery, a
     * replay from offset 0, a second event with the same key — tells the claimed people and nobody else, so whoever
     * got the role since is not alerted about old events; and of those, only who still holds a role that receives
     * it, so a revoked role gets nothing new either. Nobody to tell (nobody holds the role) claims nothing: a
     * redelivery after a grant can still reach someone.
     */
    public int raise(Alert alert) {
        Instant now = clock.instant();
        Optional<RaisedOnce> first = first(alert, now);
        if (first.isEmpty()) {
            log.error("{} for {} at {} reaches nobody", alert.type(), alert.reference(), alert.schoolId());
            Counter.builder("meldspoor.notifications.unaddressed").description("Alerts nobody held the role to receive")
                    .tag("type", alert.type().name()).register(meters).increment();
            return 0;
        }
        alert = alert.as(first.get().sourceKey(), first.get().recipients());
        int raised = 0;
        for (String recipient : alert.recipients()) {
            Optional<String> refused = recipients.refusal(alert.type(), alert.schoolId(), recipient);
            if (refused.isPresent()) {
                log.info("{} for {} not raised for {}: no longer holds the role", alert.type(), alert.reference(), recipient);
                continue;
            }
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

    /** The key under which an alert without a key of its own claims its recipients: its source. */
    static String sourceClaim(String sourceKey) {
        return "source:" + sourceKey;
    }

    /**
     * The first raising's claim on the alert, made now if none was made before; empty when there is none and nobody to
     * claim. Notifications raised before claims existed count as the first raising: for a keyed alert those of the
     * same type, school and reference (so an upgrade does not alert an escalated signal a second time), otherwise
     * those of the same source (so a replay does not alert today's role holders about yesterday's events). Those are
     * looked for only in a store that may hold such notifications ({@link #unclaimedMayBeStored()}); otherwise the claim
     * is read and made by its id alone.
     */
    private Optional<RaisedOnce> first(Alert alert, Instant now) {
        String key = alert.onceKey() != null ? alert.onceKey() : sourceClaim(alert.sourceKey());
        RaisedOnce existing = mongo.findById(key, RaisedOnce.class);
        if (existing != null) {
            return Optional.of(existing);
        }
        if (!unclaimedMayBeStored()) {
            return claim(new RaisedOnce(key, alert.sourceKey(), alert.recipients(), now));
        }
        String earlierSource = alert.sourceKey();
        if (alert.onceKey() != null) {
            Notification earlier = mongo.findOne(query(where("type").is(alert.type()).and("schoolId").is(alert.schoolId())
                    .and("reference").is(alert.reference())), Notification.class);
            earlierSource = earlier == null ? null : earlier.sourceKey();
        }
        Set<String> earlierRecipients = earlierSource == null ? Set.of() : recipientsOf(earlierSource);
        RaisedOnce claim = earlierRecipients.isEmpty()
                ? new RaisedOnce(key, alert.sourceKey(), alert.recipients(), now)
                : new RaisedOnce(key, earlierSource, earlierRecipients, now);
        return claim(claim);
    }

    private Optional<RaisedOnce> claim(RaisedOnce claim) {
        if (claim.recipients().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(mongo.insert(claim));
        } catch (DuplicateKeyException raceLost) {
            return Optional.ofNullable(mongo.findById(claim.key(), RaisedOnce.class));
        }
    }

    /**
     * Whether notifications raised before claims existed may be stored, which only a look at the notifications by type,
     * school and reference or by source finds: a scan of them all on mongo-java-server, for every new alert. A store that
     * held no notification when this code first looked holds none: every notification since was raised after its claim.
     * That is noted beside the claims ({@link #EVERY_NOTIFICATION_CLAIMED}) and, once known, not looked up again.
     */
    private boolean unclaimedMayBeStored() {
        if (!unclaimedMayBeStored) {
            return false;
        }
        boolean noted = mongo.findById(EVERY_NOTIFICATION_CLAIMED, Document.class, RaisedOnce.COLLECTION) != null;
        if (!noted && mongo.getCollection(Notification.COLLECTION).find().limit(1).first() == null) {
            mongo.upsert(query(where("_id").is(EVERY_NOTIFICATION_CLAIMED)), new Update().setOnInsert("notedAt", clock.instant()),
                    RaisedOnce.COLLECTION);
            noted = true;
        }
        unclaimedMayBeStored = !noted;
        return unclaimedMayBeStored;
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

    /** The mail will not be sent: the recipient no longer holds a role that receives it. */
    void withdrawn(Notification notification, Instant at, String reason) {
        mongo.updateFirst(query(where("_id").is(notification.id())), new Update()
                .set("mail.status", MailStatus.WITHDRAWN)
                .set("mail.withdrawnAt", at)
                .set("mail.withdrawnReason", reason)
                .unset("mail.nextAttemptAt"), Notification.class);
    }

    void failed(Notification notification, Instant at, String error, Instant nextAttemptAt) {
        mongo.updateFirst(query(where("_id").is(notification.id())), new Update()
                .push("mail.attempts", new MailDelivery.Attempt(at, false, error))
                .set("mail.nextAttemptAt", nextAttemptAt), Notification.class);
    }
}
