package nl.meldspoor.notifications.reminder;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.meldspoor.api.meldcase.MeldcodeCaseEvent;
import nl.meldspoor.notifications.reminder.fold.CaseFile;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.platform.consuming.StoredEvent;
import nl.meldspoor.platform.consuming.StoredEvents;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Keeps each case's reminders in step with its events, durably in MongoDB. */
@Component
public class CaseWatches {

    private static final Logger log = LoggerFactory.getLogger(CaseWatches.class);
    private static final int ATTEMPTS = 5;

    private final MongoTemplate mongo;
    private final StoredEvents storedEvents;
    private final CaseReminders reminders;

    public CaseWatches(MongoTemplate mongo, StoredEvents storedEvents, CaseReminders reminders) {
        this.mongo = mongo;
        this.storedEvents = storedEvents;
        this.reminders = reminders;
    }

    /**
     * Applies a case event; the reminder scheduler may save the same watch meanwhile, so a conflict is retried.
     *
     * @return the case with this event; for an event applied before (a replay), the case as it stands now — what its
     *         caller reads of it (the team and the case id, for the alerts of {@code ImmediateAlerts.ofCase}) does not change
     *         after the case is opened, so it is the case as it stood with that event too
     */
    public CaseFile apply(PublishedEvent event) {
        for (int attempt = 1; ; attempt++) {
            try {
                return applyOnce(event);
            } catch (OptimisticLockingFailureException conflict) {
                if (attempt == ATTEMPTS) {
                    throw conflict;
                }
            }
        }
    }

    private CaseFile applyOnce(PublishedEvent event) {
        CaseWatch watch = mongo.findById(event.aggregateId(), CaseWatch.class);
        if (watch == null) {
            watch = CaseWatch.start(event.aggregateId());
        }
        if (watch.alreadyApplied(event.sequence())) {
            if (watch.file() != null) {
                return watch.file();
            }
            // stored by an earlier version: its events tell how the case stood
            return fold(watch.storedEvents().stream().filter(stored -> stored.sequence() <= event.sequence()).toList());
        }
        CaseFile file = watch.file() != null ? watch.file() : fold(watch.storedEvents());
        file.apply((MeldcodeCaseEvent) event.payload());
        watch.folded(file, event.sequence());
        watch.await(file.schoolId() != null ? file.schoolId() : event.payload().schoolId(), reminders.of(file));
        mongo.save(watch);
        log.debug("Case {} at event {}: next reminder at {}", event.aggregateId(), event.sequence(), watch.nextDueAt());
        return file;
    }

    private CaseFile fold(List<StoredEvent> events) {
        CaseFile file = new CaseFile();
        if (!events.isEmpty()) {
            storedEvents.read(events, MeldcodeCaseEvent.class).forEach(file::apply);
        }
        return file;
    }

    /**
     * The ids of up to {@code most} watches due at {@code now} that no replica's scan holds, earliest first: a scan
     * claims them one by one ({@link #claim}), so the store looks for due watches once per batch, not once per watch
     * (a store without an index on {@code nextDueAt}, such as the embedded one, reads every watch to find them).
     */
    public List<String> dueAndFree(Instant now, int most) {
        Query due = query(dueAndFreeAt(now)).with(Sort.by("nextDueAt")).limit(most);
        due.fields().include("_id");
        return mongo.find(due, Document.class, mongo.getCollectionName(CaseWatch.class)).stream()
                .map(watch -> watch.get("_id").toString()).toList();
    }

    /**
     * Takes the watch if it is still due and free at {@code now}, for this scan until {@code until}, in one atomic
     * findAndModify: of two replicas scanning at once each watch goes to one of them; empty when another took it or an
     * event moved its reminders meanwhile. The claim is written before any notification is raised. A replica that dies
     * holding it delays the watch's reminders until {@code until} and no longer: then the claim has lapsed and the next
     * scan of any replica takes it. Raising a reminder twice (after a lapsed claim, or a crash between raising and saving)
     * is harmless besides: its notifications' ids are derived from the case, the reminder and the recipient, so the
     * second raising stores nothing and sends nothing. The version is raised with the claim, so an event applied
     * meanwhile from a watch read before it retries on the claimed watch instead of writing the claim away.
     */
    public Optional<CaseWatch> claim(String caseId, Instant now, Instant until) {
        return Optional.ofNullable(mongo.findAndModify(query(where("_id").is(caseId).andOperator(dueAndFreeAt(now))),
                new Update().set("scanClaimedUntil", until).inc("version", 1), FindAndModifyOptions.options().returnNew(true),
                CaseWatch.class));
    }

    private static Criteria dueAndFreeAt(Instant now) {
        return where("nextDueAt").lte(now).orOperator(where("scanClaimedUntil").is(null), where("scanClaimedUntil").lte(now));
    }

    /** Saves a watch after a reminder was given; false when an event changed it meanwhile (the next scan sees it again). */
    boolean save(CaseWatch watch) {
        try {
            mongo.save(watch);
            return true;
        } catch (OptimisticLockingFailureException changedMeanwhile) {
            return false;
        }
    }
}
