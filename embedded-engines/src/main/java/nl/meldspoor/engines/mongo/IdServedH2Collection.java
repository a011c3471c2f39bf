package nl.meldspoor.engines.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

/** A collection of the H2 file store that serves every query with an {@code _id} condition by the {@code _id} index ({@link IdIndexLookup}). */
class IdServedH2Collection extends H2Collection {

    IdServedH2Collection(MongoDatabase database, String collectionName, CollectionOptions options, MVMap<Object, Document> dataMap,
                         MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
    }

    // every find, count, update, delete and findAndModify of a collection comes through here
    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize, Document fieldSelector) {
        IdIndexLookup.Narrowed<Object> narrowed = IdIndexLookup.narrow(getIndexes(), query);
        if (narrowed == null) {
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        return matchDocuments(narrowed.remainingQuery(), narrowed.positions(), orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }
}
