package nl.meldspoor.engines.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;

/**
 * mongo-java-server in memory (tests, {@code meldspoor.embedded.mongo.in-memory}) whose collections serve every query
 * with an {@code _id} condition by the {@code _id} index, like the file store ({@link IdIndexLookup}).
 */
public class IdServedMemoryBackend extends MemoryBackend {

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /** A collection of this backend: one that serves queries with an {@code _id} condition by the index. */
    protected MemoryCollection collection(MongoDatabase database, String collectionName, CollectionOptions options, CursorRegistry cursorRegistry) {
        return new Collection(database, collectionName, options, cursorRegistry);
    }

    // an inner class: MemoryDatabase opens its first collections in its constructor, before a field of a subclass is set
    private final class Database extends MemoryDatabase {

        Database(String databaseName) {
            super(databaseName, IdServedMemoryBackend.this.getCursorRegistry());
        }

        @Override
        protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
            return collection(this, collectionName, options, cursorRegistry);
        }
    }

    static class Collection extends MemoryCollection {

        Collection(MongoDatabase database, String collectionName, CollectionOptions options, CursorRegistry cursorRegistry) {
            super(database, collectionName, options, cursorRegistry);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize, Document fieldSelector) {
            IdIndexLookup.Narrowed<Integer> narrowed = IdIndexLookup.narrow(getIndexes(), query);
            if (narrowed == null) {
                return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
            return matchDocuments(narrowed.remainingQuery(), narrowed.positions(), orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
    }
}
