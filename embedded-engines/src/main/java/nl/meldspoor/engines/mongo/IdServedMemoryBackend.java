package nl.meldspoor.engines.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;

/**
 * mongo-java-server in memory (tests, {@code meldspoor.embedded.mongo.in-memory}) whose collections serve every query
 * with an {@code _id} condition by the {@code _id} index, like the file store ({@link IdIndexLookup}).
 *
 * <p>A collection's index list changes (an index added or dropped, all of them when the collection is dropped) under
 * the collection's lock here, which every query holds: mongo-java-server changes it without, and a query that met a
 * read model's old generation being dropped failed with a {@code ConcurrentModificationException}.
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

        // under the collection's lock, as the index list changes under it
        @Override
        protected synchronized QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize, Document fieldSelector) {
            IdIndexLookup.Narrowed<Integer> narrowed = IdIndexLookup.narrow(getIndexes(), query);
            if (narrowed == null) {
                return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
            return matchDocuments(narrowed.remainingQuery(), narrowed.positions(), orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        @Override
        public synchronized void addIndex(Index<Integer> index) {
            super.addIndex(index);
        }

        @Override
        public synchronized void dropIndex(String indexName) {
            super.dropIndex(indexName);
        }
    }
}
