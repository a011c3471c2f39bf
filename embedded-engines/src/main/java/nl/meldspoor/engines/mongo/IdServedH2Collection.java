package nl.meldspoor.engines.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import org.h2.mvstore.MVMap;

/**
 * A collection of the H2 file store that serves every query with an {@code _id} condition by the {@code _id} index
 * ({@link IdIndexLookup}) — and a condition of string ids by the data map itself, which keeps each document under its
 * {@code _id}: the {@code _id} index's keys are objects H2 compares by serializing both with Java serialization at every
 * step of a search (a board's dashboard, 2,400 months by {@code _id}, spent most of its time there).
 */
class IdServedH2Collection extends H2Collection {

    private final MVMap<Object, Document> documentsById;

    IdServedH2Collection(MongoDatabase database, String collectionName, CollectionOptions options, MVMap<Object, Document> dataMap,
                         MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
        this.documentsById = dataMap;
    }

    // every find, count, update, delete and findAndModify of a collection comes through here
    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize, Document fieldSelector) {
        IdIndexLookup.Narrowed<Object> narrowed = IdIndexLookup.narrow(getIndexes(), query, this::heldOf);
        if (narrowed == null) {
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        return matchDocuments(narrowed.remainingQuery(), narrowed.positions(), orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /** The string ids that are held, as their positions: H2Collection keeps a document under its {@code _id} as it is. */
    private Iterable<Object> heldOf(SortedSet<String> ids) {
        List<Object> held = new ArrayList<>(ids.size());
        for (String id : ids) {
            if (documentsById.containsKey(id)) {
                held.add(id);
            }
        }
        return held;
    }
}
