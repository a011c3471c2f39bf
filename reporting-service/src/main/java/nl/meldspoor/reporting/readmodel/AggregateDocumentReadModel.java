package nl.meldspoor.reporting.readmodel;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.platform.consuming.StoredEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.MongoPersistentEntityIndexResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A read model of one document per aggregate: each new event is appended to the aggregate's document
 * and everything derived is computed again from all its events, then the document is written once.
 * Events are applied strictly in their aggregate's sequence: an event that arrives after a gap (the
 * missing one was dead-lettered, say) is held aside in {@code <collection>_held} and the document keeps
 * showing the history up to the gap — never a dossier derived from a history with a hole — until the
 * missing event arrives (replayed from the dead-letter topic); then the held events follow it in order.
 * The health lists the aggregates that wait, and since when.
 *
 * @param <D> the document type
 */
public abstract class AggregateDocumentReadModel<D extends AggregateDocument> implements ReadModel {

    private static final Logger log = LoggerFactory.getLogger(AggregateDocumentReadModel.class);
    private static final int MAX_HELD_SHOWN = 1000;

    protected final MongoTemplate mongo;
    private final MongoMappingContext mappingContext;
    private final Class<D> documentType;
    private final String collection;
    private final String heldCollection;
    private final Clock clock = Clock.systemUTC();

    protected AggregateDocumentReadModel(MongoTemplate mongo, MongoMappingContext mappingContext, Class<D> documentType, String collection) {
        this.mongo = mongo;
        this.mappingContext = mappingContext;
        this.documentType = documentType;
        this.collection = collection;
        this.heldCollection = collection + "_held";
    }

    /** Whether this read model takes events of this kind; the others pass by. */
    protected abstract boolean accepts(Object payload);

    /** A new, empty document for the aggregate. */
    protected abstract D start(String aggregateId);

    /** Derives the document's views again from all its events. */
    protected abstract void summarise(D document);

    @Override
    public List<String> collections() {
        return List.of(collection, heldCollection);
    }

    @Override
    public void prepareStorage() {
        var indexes = mongo.indexOps(documentType);
        new MongoPersistentEntityIndexResolver(mappingContext).resolveIndexFor(documentType).forEach(indexes::ensureIndex);
    }

    @Override
    public void apply(PublishedEvent event) {
        if (!accepts(event.payload())) {
            return;
        }
        D document = mongo.findById(event.aggregateId(), documentType);
        if (document == null) {
            document = start(event.aggregateId());
        }
        if (document.alreadyApplied(event.sequence())) {
            return;
        }
        if (event.sequence() != document.appliedSequence() + 1) {
            hold(event, document.appliedSequence());
            return;
        }
        document.append(StoredEvent.of(event));
        List<HeldEvent> held = heldFor(event.aggregateId());
        for (HeldEvent waiting : held) {
            if (waiting.sequence() == document.appliedSequence() + 1) {
                document.append(waiting.event());
            }
        }
        summarise(document);
        mongo.save(document);
        if (!held.isEmpty()) {
            // after the save: a crash in between leaves held events that the next apply skips as applied
            mongo.remove(Query.query(Criteria.where("aggregateId").is(event.aggregateId()).and("sequence").lte(document.appliedSequence())),
                    heldCollection);
            boolean complete = held.get(held.size() - 1).sequence() <= document.appliedSequence();
            log.info("{} {} got its missing event {}; applied up to {}{}", name(), event.aggregateId(), event.sequence(),
                    document.appliedSequence(), complete ? ", complete again" : ", still waiting for a later gap");
        }
    }

    private void hold(PublishedEvent event, long appliedSequence) {
        try {
            mongo.insert(new HeldEvent(HeldEvent.idOf(event.aggregateId(), event.sequence()), event.aggregateId(), event.sequence(),
                    StoredEvent.of(event), clock.instant()), heldCollection);
            log.warn("{} {} holds event {} back: events {} to {} have not arrived (look in the dead-letter topic); "
                            + "the document shows the history up to event {} until they do",
                    name(), event.aggregateId(), event.sequence(), appliedSequence + 1, event.sequence() - 1, appliedSequence);
        } catch (DuplicateKeyException heldAlready) {
            log.debug("{} {} event {} is held already", name(), event.aggregateId(), event.sequence());
        }
    }

    private List<HeldEvent> heldFor(String aggregateId) {
        return mongo.find(Query.query(Criteria.where("aggregateId").is(aggregateId)).with(Sort.by("sequence")), HeldEvent.class, heldCollection);
    }

    @Override
    public List<IncompleteAggregate> incompleteAggregates() {
        Map<String, List<HeldEvent>> byAggregate = new LinkedHashMap<>();
        mongo.find(new Query().with(Sort.by("aggregateId", "sequence")).limit(MAX_HELD_SHOWN), HeldEvent.class, heldCollection)
                .forEach(held -> byAggregate.computeIfAbsent(held.aggregateId(), key -> new ArrayList<>()).add(held));
        List<IncompleteAggregate> incomplete = new ArrayList<>();
        byAggregate.forEach((aggregateId, held) -> {
            D document = mongo.findById(aggregateId, documentType);
            long applied = document == null ? -1 : document.appliedSequence();
            List<HeldEvent> waiting = held.stream().filter(event -> event.sequence() > applied).toList();
            if (!waiting.isEmpty()) {
                incomplete.add(new IncompleteAggregate(aggregateId, applied, applied + 1, waiting.get(0).sequence() - 1, waiting.size(),
                        waiting.stream().map(HeldEvent::heldSince).min(java.util.Comparator.naturalOrder()).orElseThrow()));
            }
        });
        return incomplete;
    }
}
