package nl.meldspoor.reporting.readmodel;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.concurrent.ConcurrentHashMap;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.platform.consuming.StoredEvent;
import nl.meldspoor.platform.consuming.StoredEvents;
import nl.meldspoor.api.common.SchoolFact;
import org.bson.BsonDocument;
import org.bson.BsonDocumentWrapper;
import org.bson.Document;
import org.bson.codecs.Codec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.MongoPersistentEntityIndexResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A read model of one stored view per aggregate, updated per event from the view before it and that one
 * event — never by replaying the aggregate's history. The events themselves, where a query needs them (the
 * dossier's timeline, the pupil's file), are kept one document per event in a history collection.
 *
 * <p>Events are applied strictly in their aggregate's sequence: an event that arrives after a gap (the missing
 * one was dead-lettered, say) is held aside in {@code <collection>_held} and the view keeps showing the history up
 * to the gap — never a view derived from a history with a hole — until the missing event arrives (replayed from
 * the dead-letter topic); then the held events follow it in order. The health lists the aggregates that wait.
 *
 * <p>The events of one Kafka poll are applied in memory and written with one bulk operation per collection: the
 * history entries first, then the views, then the held events — a crash in between leaves views behind their
 * history, and the redelivered events are applied again over the same entries (upserts by aggregate and sequence).
 *
 * @param <D> the view type
 */
public abstract class AggregateDocumentReadModel<D extends AggregateDocument> implements ReadModel {

    private static final Logger log = LoggerFactory.getLogger(AggregateDocumentReadModel.class);
    private static final int MAX_HELD_SHOWN = 1000;
    private static final int DUPLICATE_KEY = 11000;
    private static final int RECENT_VIEWS = 20_000;

    protected final MongoTemplate mongo;
    protected final Generations generations;
    private final MongoMappingContext mappingContext;
    private final Class<D> documentType;
    private final String collection;
    private final Clock clock = Clock.systemUTC();
    private final StoredEvents storedEvents;
    private final Class<? extends SchoolFact> eventType;
    private final Map<Integer, Boolean> heldMayExist = new ConcurrentHashMap<>();
    private final Map<Integer, Map<String, D>> written = new ConcurrentHashMap<>();
    private final Optional<ViewEncoder<D>> encoder;

    protected AggregateDocumentReadModel(MongoTemplate mongo, MongoMappingContext mappingContext, Generations generations,
                                         StoredEvents storedEvents, Class<? extends SchoolFact> eventType, Class<D> documentType, String collection) {
        this.mongo = mongo;
        this.storedEvents = storedEvents;
        this.eventType = eventType;
        this.mappingContext = mappingContext;
        this.generations = generations;
        this.documentType = documentType;
        this.collection = collection;
        this.encoder = ViewEncoder.of(mongo.getConverter(), documentType);
    }

    /** Whether this read model takes events of this kind; the others pass by. */
    protected abstract boolean accepts(Object payload);

    /** A new, empty view for the aggregate. */
    protected abstract D start(String aggregateId);

    /** Updates the view with one event: the next one in its aggregate's sequence. */
    protected abstract void update(D view, PublishedEvent event);

    /**
     * The format this read model writes its views in. A read model whose views gain a field raises it, so that views
     * written before are detected at startup and replaced by a rebuild beside them.
     */
    @Override
    public int viewFormat() {
        return AggregateDocument.CURRENT_FORMAT;
    }

    /** Called once per poll for each changed view, just before it is written: for what is cheaper to encode once than per event. */
    protected void beforeWrite(D view) {
    }

    /** The base name of the collection holding one document per applied event, or null when no query needs the events. */
    protected String historyCollection() {
        return null;
    }

    @Override
    public boolean generational() {
        return true;
    }

    @Override
    public List<String> collections() {
        return collections(generations.active(name()));
    }

    @Override
    public List<String> collections(int generation) {
        List<String> names = new ArrayList<>(List.of(Generations.nameOf(collection, generation), Generations.nameOf(collection + "_held", generation)));
        if (historyCollection() != null) {
            names.add(Generations.nameOf(historyCollection(), generation));
        }
        return names;
    }

    @Override
    public void prepareStorage() {
        prepareStorage(generations.active(name()));
    }

    @Override
    public void prepareStorage(int generation) {
        written.remove(generation);
        heldMayExist.remove(generation);
        var indexes = mongo.indexOps(Generations.nameOf(collection, generation));
        new MongoPersistentEntityIndexResolver(mappingContext).resolveIndexFor(documentType).forEach(indexes::ensureIndex);
        mongo.indexOps(Generations.nameOf(collection + "_held", generation))
                .ensureIndex(new Index().on("aggregateId", Sort.Direction.ASC).on("sequence", Sort.Direction.ASC));
        if (historyCollection() != null) {
            mongo.indexOps(Generations.nameOf(historyCollection(), generation))
                    .ensureIndex(new Index().on("aggregateId", Sort.Direction.ASC).on("sequence", Sort.Direction.ASC).named("aggregate_sequence"));
        }
    }

    /** The served view of one aggregate. */
    public D view(String aggregateId) {
        return mongo.findById(aggregateId, documentType, Generations.nameOf(collection, generations.active(name())));
    }

    /** The applied events of one aggregate, in order, from the served generation's history collection. */
    public List<StoredEvent> history(String aggregateId) {
        Query query = Query.query(Criteria.where("aggregateId").is(aggregateId)).with(Sort.by("sequence"));
        int active = generations.active(name());
        List<StoredEvent> events = mongo.find(query, HistoryEntry.class, Generations.nameOf(historyCollection(), active)).stream()
                .map(HistoryEntry::event).toList();
        return events.isEmpty() ? HistoryEntry.insideOlderView(mongo, Generations.nameOf(collection, active), aggregateId) : events;
    }

    @Override
    public void apply(PublishedEvent event) {
        applyAll(List.of(event), generations.active(name()));
    }

    @Override
    public void applyAll(List<PublishedEvent> events, int generation) {
        try {
            try {
                applyAllOnce(events, generation);
            } catch (StaleView stale) {
                // nothing is written yet: apply the poll again over the views as stored
                written.remove(generation);
                applyAllOnce(events, generation);
            }
        } catch (RuntimeException failure) {
            // views in memory may be ahead of what was written: read them again
            written.remove(generation);
            throw failure;
        }
    }

    private void applyAllOnce(List<PublishedEvent> events, int generation) {
        String views = Generations.nameOf(collection, generation);
        String heldCollection = Generations.nameOf(collection + "_held", generation);
        Set<String> ids = new LinkedHashSet<>();
        for (PublishedEvent event : events) {
            if (accepts(event.payload())) {
                ids.add(event.aggregateId());
            }
        }
        if (ids.isEmpty()) {
            return;
        }
        Map<String, D> loaded = new HashMap<>();
        Map<String, D> recent = written.computeIfAbsent(generation, key -> recentlyWritten());
        Set<String> toRead = new LinkedHashSet<>();
        for (String id : ids) {
            D view = recent.get(id);
            if (view != null) {
                loaded.put(id, view);
            } else {
                toRead.add(id);
            }
        }
        if (!toRead.isEmpty()) {
            var entity = mappingContext.getRequiredPersistentEntity(documentType);
            for (D view : mongo.find(Query.query(Criteria.where("_id").in(toRead)), documentType, views)) {
                loaded.put(String.valueOf(entity.getIdentifierAccessor(view).getIdentifier()), view);
            }
        }
        Map<String, Long> stored = new HashMap<>();
        loaded.forEach((id, view) -> stored.put(id, view.version()));
        Map<String, TreeMap<Long, PublishedEvent>> held = new HashMap<>();
        // most polls, and a whole rebuild, hold nothing: then there is nothing to look up for their aggregates
        if (heldMayExist(generation, heldCollection)) {
            for (HeldEvent waiting : mongo.find(Query.query(Criteria.where("aggregateId").in(ids)), HeldEvent.class, heldCollection)) {
                held.computeIfAbsent(waiting.aggregateId(), key -> new TreeMap<>()).put(waiting.sequence(), published(waiting));
            }
        }
        Set<String> hadHeld = new LinkedHashSet<>(held.keySet());
        Map<String, D> changed = new LinkedHashMap<>();
        List<HistoryEntry> history = new ArrayList<>();
        List<HeldEvent> newlyHeld = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            PublishedEvent event = events.get(i);
            if (!accepts(event.payload())) {
                continue;
            }
            try {
                D view = loaded.computeIfAbsent(event.aggregateId(), this::start);
                if (view.alreadyApplied(event.sequence())) {
                    continue;
                }
                TreeMap<Long, PublishedEvent> waiting = held.computeIfAbsent(event.aggregateId(), key -> new TreeMap<>());
                if (event.sequence() != view.appliedSequence() + 1) {
                    if (stored.containsKey(event.aggregateId()) && !toRead.contains(event.aggregateId())) {
                        // a gap seen in a remembered view may have been filled by another writer (a replayed dead letter)
                        throw new StaleView();
                    }
                    if (!waiting.containsKey(event.sequence())) {
                        HeldEvent hold = new HeldEvent(HeldEvent.idOf(event.aggregateId(), event.sequence()), event.aggregateId(), event.sequence(),
                                StoredEvent.of(event), clock.instant());
                        waiting.put(event.sequence(), event);
                        newlyHeld.add(hold);
                        hadHeld.add(event.aggregateId());
                        log.warn("{} {} holds event {} back: events {} to {} have not arrived (look in the dead-letter topic); "
                                        + "the view shows the history up to event {} until they do",
                                name(), event.aggregateId(), event.sequence(), view.appliedSequence() + 1, event.sequence() - 1, view.appliedSequence());
                    }
                    continue;
                }
                applyOne(view, event, history);
                boolean filledGap = false;
                while (waiting.containsKey(view.appliedSequence() + 1)) {
                    applyOne(view, waiting.remove(view.appliedSequence() + 1), history);
                    filledGap = true;
                }
                if (filledGap) {
                    log.info("{} {} got its missing event {}; applied up to {}{}", name(), event.aggregateId(), event.sequence(),
                            view.appliedSequence(), waiting.isEmpty() ? ", complete again" : ", still waiting for a later gap");
                }
                changed.put(event.aggregateId(), view);
            } catch (StaleView stale) {
                throw stale;
            } catch (RuntimeException failure) {
                throw new ApplyFailure(i, failure);
            }
        }
        write(views, heldCollection, generation, changed, stored, history, newlyHeld, hadHeld);
    }

    private PublishedEvent published(HeldEvent held) {
        StoredEvent stored = held.event();
        return new PublishedEvent(stored.eventId(), stored.type(), stored.revision(), held.aggregateId(), stored.sequence(), stored.recordedAt(),
                (SchoolFact) storedEvents.read(stored, eventType), stored.json());
    }

    private void applyOne(D view, PublishedEvent event, List<HistoryEntry> history) {
        update(view, event);
        view.applied(event.sequence());
        if (historyCollection() != null) {
            history.add(new HistoryEntry(HistoryEntry.idOf(event.aggregateId(), event.sequence()), event.aggregateId(), event.sequence(),
                    StoredEvent.of(event)));
        }
    }

    private void write(String views, String heldCollection, int generation, Map<String, D> changed, Map<String, Long> stored,
                       List<HistoryEntry> history, List<HeldEvent> newlyHeld, Set<String> hadHeld) {
        if (!history.isEmpty()) {
            // entries never change: inserted, and one already there (a redelivery) is left alone
            List<WriteModel<Document>> inserts = new ArrayList<>(history.size());
            history.forEach(entry -> inserts.add(new InsertOneModel<>(HistoryEntry.bson(entry))));
            bulkWrite(mongo.getCollection(Generations.nameOf(historyCollection(), generation)), inserts, true);
        }
        if (!changed.isEmpty()) {
            MongoCollection<BsonDocument> viewCollection = mongo.getCollection(views).withDocumentClass(BsonDocument.class);
            Codec<Document> documentCodec = viewCollection.getCodecRegistry().get(Document.class);
            List<WriteModel<BsonDocument>> writes = new ArrayList<>(changed.size());
            int[] replaced = {0};
            changed.forEach((id, view) -> {
                beforeWrite(view);
                BsonDocument document = encoded(view, id, documentCodec);
                if (stored.containsKey(id)) {
                    replaced[0]++;
                }
                writes.add(stored.containsKey(id)
                        // only over the view it was derived from: another writer's view (a replayed dead letter on another
                        // replica, a consumer that lost the partition) fails the poll, which is then applied again over it
                        ? new ReplaceOneModel<>(Filters.and(Filters.eq("_id", id), Filters.eq("version", stored.get(id))), document)
                        // a view another consumer inserted meanwhile fails the poll, which is then applied again over it
                        : new InsertOneModel<>(document));
            });
            var result = bulkWrite(viewCollection, writes, false);
            if (result != null && result.getMatchedCount() < replaced[0]) {
                throw new IllegalStateException(name() + ": " + (replaced[0] - result.getMatchedCount())
                        + " views were changed by another writer meanwhile; the poll is applied again over them");
            }
            written.get(generation).putAll(changed);
        }
        List<HeldEvent> stillHeld = newlyHeld.stream()
                .filter(hold -> changed.get(hold.aggregateId()) == null || changed.get(hold.aggregateId()).appliedSequence() < hold.sequence())
                .toList();
        if (!stillHeld.isEmpty()) {
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, HeldEvent.class, heldCollection);
            stillHeld.forEach(hold -> bulk.replaceOne(Query.query(Criteria.where("_id").is(hold.id())), hold, FindAndReplaceOptions.options().upsert()));
            bulk.execute();
            heldMayExist.put(generation, true);
        }
        // after the views: a crash in between leaves held events that the next batch skips as applied
        List<Criteria> released = new ArrayList<>();
        // only aggregates that had events held can have some to release: most polls need no round trip for it
        changed.forEach((id, view) -> {
            if (hadHeld.contains(id)) {
                released.add(Criteria.where("aggregateId").is(id).and("sequence").lte(view.appliedSequence()));
            }
        });
        if (!released.isEmpty()) {
            mongo.remove(Query.query(new Criteria().orOperator(released)), heldCollection);
            // others may still wait: counted again at the next poll
            heldMayExist.remove(generation);
        }
    }

    /** A view remembered from an earlier poll may be behind the stored one. */
    private static final class StaleView extends RuntimeException {
        StaleView() {
            super(null, null, false, false);
        }
    }

    /**
     * The view as stored, with its identifier and format: written straight into BSON where the encoder takes the view
     * type, else mapped by the converter — the same document either way (ViewEncoderTest).
     */
    private BsonDocument encoded(D view, String id, Codec<Document> documentCodec) {
        BsonDocument direct = encoder.map(it -> it.encode(view, id, AggregateDocument.FORMAT_FIELD, viewFormat())).orElse(null);
        if (direct != null) {
            return direct;
        }
        return new BsonDocumentWrapper<>(mapped(mongo.getConverter(), view, id, viewFormat()), documentCodec);
    }

    /** A view as the converter maps it, with its identifier and format: what {@link ViewEncoder} writes straight into BSON. */
    static Document mapped(org.springframework.data.mongodb.core.convert.MongoConverter converter, Object view, String id, int format) {
        Document document = new Document();
        converter.write(view, document);
        document.put("_id", id);
        document.put(AggregateDocument.FORMAT_FIELD, format);
        return document;
    }

    private <T> com.mongodb.bulk.BulkWriteResult bulkWrite(MongoCollection<T> collection, List<WriteModel<T>> writes, boolean duplicatesAreApplied) {
        try {
            return collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            boolean onlyDuplicates = e.getWriteErrors().stream().allMatch(error -> error.getCode() == DUPLICATE_KEY);
            if (!duplicatesAreApplied || !onlyDuplicates || e.getWriteConcernError() != null) {
                throw e;
            }
            return null;
        }
    }

    /**
     * The views this consumer wrote last, per generation, as written: an aggregate's next events (often in the next poll,
     * always during a rebuild) start from them without reading and mapping the view again. Writes are guarded by the
     * view's version, so a view someone else changed meanwhile fails the poll and is read again.
     */
    private Map<String, D> recentlyWritten() {
        return java.util.Collections.synchronizedMap(new LinkedHashMap<>(RECENT_VIEWS, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, D> eldest) {
                return size() > RECENT_VIEWS;
            }
        });
    }

    /**
     * Whether the generation's held collection may hold events: known to be empty after one count, until this read
     * model holds an event; counted again after a release, when partitions are assigned (another replica may have
     * held events of them) and before a dead letter is replayed.
     */
    private boolean heldMayExist(int generation, String heldCollection) {
        return heldMayExist.computeIfAbsent(generation,
                key -> mongo.getCollection(heldCollection).countDocuments(new Document(), new CountOptions().limit(1)) > 0);
    }

    @Override
    public void heldEventsMayHaveChanged() {
        heldMayExist.clear();
        written.clear();
    }

    /** Whether the generation's views were written by an older format of the views (the first one tells). */
    @Override
    public boolean writtenByOlderFormat(int generation) {
        Document first = mongo.getCollection(Generations.nameOf(collection, generation)).find().limit(1).first();
        return first != null && AggregateDocument.formatOf(first) < viewFormat();
    }

    @Override
    public List<IncompleteAggregate> incompleteAggregates() {
        int generation = generations.active(name());
        String heldCollection = Generations.nameOf(collection + "_held", generation);
        Map<String, List<HeldEvent>> byAggregate = new LinkedHashMap<>();
        mongo.find(new Query().with(Sort.by("aggregateId", "sequence")).limit(MAX_HELD_SHOWN), HeldEvent.class, heldCollection)
                .forEach(held -> byAggregate.computeIfAbsent(held.aggregateId(), key -> new ArrayList<>()).add(held));
        List<IncompleteAggregate> incomplete = new ArrayList<>();
        byAggregate.forEach((aggregateId, held) -> {
            D document = mongo.findById(aggregateId, documentType, Generations.nameOf(collection, generation));
            long applied = document == null ? -1 : document.appliedSequence();
            List<HeldEvent> waiting = held.stream().filter(event -> event.sequence() > applied).toList();
            if (!waiting.isEmpty()) {
                incomplete.add(new IncompleteAggregate(aggregateId, applied, applied + 1, waiting.get(0).sequence() - 1, waiting.size(),
                        waiting.stream().map(HeldEvent::heldSince).min(Comparator.naturalOrder()).orElseThrow()));
            }
        });
        return incomplete;
    }
}
