package nl.meldspoor.reporting.readmodel;

import java.util.List;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.platform.consuming.StoredEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.MongoPersistentEntityIndexResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * A read model of one document per aggregate: each new event is appended to the aggregate's document
 * and everything derived is computed again from all its events, then the document is written once.
 *
 * @param <D> the document type
 */
public abstract class AggregateDocumentReadModel<D extends AggregateDocument> implements ReadModel {

    private static final Logger log = LoggerFactory.getLogger(AggregateDocumentReadModel.class);

    protected final MongoTemplate mongo;
    private final MongoMappingContext mappingContext;
    private final Class<D> documentType;
    private final String collection;

    protected AggregateDocumentReadModel(MongoTemplate mongo, MongoMappingContext mappingContext, Class<D> documentType, String collection) {
        this.mongo = mongo;
        this.mappingContext = mappingContext;
        this.documentType = documentType;
        this.collection = collection;
    }

    /** Whether this read model takes events of this kind; the others pass by. */
    protected abstract boolean accepts(Object payload);

    /** A new, empty document for the aggregate. */
    protected abstract D start(String aggregateId);

    /** Derives the document's views again from all its events. */
    protected abstract void summarise(D document);

    @Override
    public List<String> collections() {
        return List.of(collection);
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
            log.warn("{} {} jumps from event {} to {}: earlier events went to the dead-letter topic",
                    name(), event.aggregateId(), document.appliedSequence(), event.sequence());
        }
        document.append(StoredEvent.of(event));
        summarise(document);
        mongo.save(document);
    }
}
