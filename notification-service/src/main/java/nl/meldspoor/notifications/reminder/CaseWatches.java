package nl.meldspoor.notifications.reminder;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.ErrorCategory;
import com.mongodb.bulk.BulkWriteResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
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
        Applied applied = applyTo(watch, event);
        if (applied.changed()) {
            mongo.save(watch);
        }
        return applied.file();
    }

    /**
     * Applies a poll's case events, in their order: the watches of their cases read in one query, the changed ones
     * written in one bulk write, each on the condition that no one changed it since it was read (a new one: that no one
     * made it). A loaded board's events come case by case, so a poll of 500 records reads and writes some 70 watches
     * instead of 500 of each. When the condition fails for one — the reminder scheduler claimed it meanwhile, or another
     * replica applied an event to it during a rebalance — the poll's events are applied again one by one ({@link #apply}):
     * the ones written change nothing (an event at or below a watch's applied sequence), the others are applied on the
     * watch as it now stands.
     *
     * @return for each event, in order, the case it belongs to as it stands after the poll; what a caller reads of it
     *         (the team and the case id, as in {@link #apply}) is set when the case is opened and does not change
     */
    public List<CaseFile> applyAll(List<PublishedEvent> events) {
        if (events.size() <= 1) {
            return events.stream().map(this::apply).toList();
        }
        List<String> caseIds = events.stream().map(PublishedEvent::aggregateId).distinct().toList();
        Map<String, CaseWatch> watches = new HashMap<>();
        mongo.find(query(where("_id").in(caseIds)), CaseWatch.class).forEach(watch -> watches.put(watch.caseId(), watch));
        List<CaseFile> files = new ArrayList<>(events.size());
        Map<String, CaseWatch> changed = new LinkedHashMap<>();
        for (PublishedEvent event : events) {
            CaseWatch watch = watches.computeIfAbsent(event.aggregateId(), CaseWatch::start);
            Applied applied = applyTo(watch, event);
            files.add(applied.file());
            if (applied.changed()) {
                changed.put(watch.caseId(), watch);
            }
        }
        if (!writeUnchangedSinceRead(changed.values())) {
            log.debug("A watch of the poll changed since it was read: its {} events applied one by one", events.size());
            return events.stream().map(this::apply).toList();
        }
        return files;
    }

    /**
     * One bulk write of the watches, each conditional on the version it was read at (applying events leaves the version
     * as read); false when a condition failed.
     */
    private boolean writeUnchangedSinceRead(Collection<CaseWatch> watches) {
        if (watches.isEmpty()) {
            return true;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, CaseWatch.class);
        for (CaseWatch watch : watches) {
            Long read = watch.version();
            Document document = new Document();
            mongo.getConverter().write(watch, document);
            // as MongoTemplate.save does with a @Version: a new document at 0, a replacement one above the version it replaces
            document.put("version", read == null ? 0L : read + 1);
            if (read == null) {
                bulk.insert(document);
            } else {
                bulk.replaceOne(query(where("_id").is(watch.caseId()).and("version").is(read)), document);
            }
        }
        try {
            BulkWriteResult result = bulk.execute();
            return result.getInsertedCount() + result.getMatchedCount() == watches.size();
        } catch (BulkOperationException failed) {
            if (failed.getErrors().stream().allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY)) {
                return false;
            }
            throw failed;
        }
    }

    /** An event applied to a watch in memory: the case with it, and whether the watch changed (not when applied before). */
    private record Applied(CaseFile file, boolean changed) {
    }

    private Applied applyTo(CaseWatch watch, PublishedEvent event) {
        if (watch.alreadyApplied(event.sequence())) {
            if (watch.file() != null) {
                return new Applied(watch.file(), false);
            }
            // stored by an earlier version: its events tell how the case stood
            return new Applied(fold(watch.storedEvents().stream().filter(stored -> stored.sequence() <= event.sequence()).toList()), false);
        }
        CaseFile file = watch.file() != null ? watch.file() : fold(watch.storedEvents());
        file.apply((MeldcodeCaseEvent) event.payload());
        watch.folded(file, event.sequence());
        watch.await(file.schoolId() != null ? file.schoolId() : event.payload().schoolId(), reminders.of(file));
        log.debug("Case {} at event {}: next reminder at {}", event.aggregateId(), event.sequence(), watch.nextDueAt());
        return new Applied(file, true);
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
     * (without the index on {@code nextDueAt}, {@code StoreIndexes}, the store reads every watch to find them).
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
