package nl.meldspoor.engines.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.h2.H2UniqueIndex;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that opens the embedded MongoDB's file store, for the local system ({@code Engines}) and for a
 * lone service ({@link EmbeddedMongoAutoConfiguration}).
 *
 * <p>Why not {@code new H2Backend(fileName)}: mongo-java-server answers every query and every update filter that
 * no unique index serves by iterating an H2 MVStore map snapshot, and a plain MVMap iterator does not tell the
 * MVStore that it still reads that snapshot. The store frees a chunk once no current map version uses it, it is
 * older than the retention time (counted from the chunk's creation, not from when it fell out of use) and five
 * more versions were committed; under write load that is seconds. Background compaction, writes elsewhere in the
 * same chunks or a dropped collection (a read model generation swap) thus pull chunks away from under a scan
 * that is still running, which fails with {@code MVStoreException: Chunk N not found}. This backend registers
 * the store version as in use for the duration of every command, as H2's own transaction store does, so no
 * chunk a running command can read is freed. Commands are short; the store frees the chunks as soon as the
 * commands that could read them are done and the retention time has passed, so the file holds what is in use and the
 * last 45 s of writes ({@code PageCacheProbe} prints its size).
 *
 * <p>Its collections also serve every query with an {@code _id} condition ({@code {_id: X, version: V}}) by the
 * {@code _id} index, as MongoDB does, where mongo-java-server would scan the collection ({@link IdIndexLookup}), and
 * keep the non-unique indexes the services declare, which mongo-java-server ignores ({@link SecondaryIndex}).
 */
public final class EmbeddedMongoStore {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoStore.class);

    private EmbeddedMongoStore() {
    }

    /** A server on the MVStore file (created if missing), not yet bound. */
    public static MongoServer server(Path file) throws IOException {
        return new EmbeddedMongoServer(backend(file));
    }

    /** The backend on the MVStore file (created if missing). */
    public static H2Backend backend(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        if (absolute.getParent() != null) {
            Files.createDirectories(absolute.getParent());
        }
        log.info("Opening the embedded MongoDB store in {}", absolute);
        return new ScanSafeH2Backend(openStore(absolute));
    }

    /** A server in memory (tests), whose collections serve queries with an {@code _id} condition by the index like the file store's. */
    public static MongoServer inMemoryServer() {
        return new EmbeddedMongoServer(new IdServedMemoryBackend());
    }

    // H2's defaults (45 s retention, a background commit every second, auto-compaction below 90 % fill): a longer
    // retention would not help, as it counts from a chunk's creation; the version registration keeps the chunks
    static MVStore openStore(Path file) {
        return new MVStore.Builder().fileName(file.toString()).open();
    }

    /** mongo-java-server's unique index of the file store (1.47): package-private, reached by reflection; null if not found. */
    @SuppressWarnings("unchecked")
    private static final Constructor<H2UniqueIndex> UNIQUE_INDEX = uniqueIndexConstructor();

    @SuppressWarnings("unchecked")
    private static Constructor<H2UniqueIndex> uniqueIndexConstructor() {
        try {
            Constructor<H2UniqueIndex> constructor = H2UniqueIndex.class.getDeclaredConstructor(MVMap.class, String.class, List.class, boolean.class);
            constructor.setAccessible(true);
            return constructor;
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("mongo-java-server's H2UniqueIndex cannot be opened on its own map ({}); unique indexes compare keys by serializing them", e.toString());
            return null;
        }
    }

    /** An H2 backend that keeps the chunks a running command may still read. */
    static class ScanSafeH2Backend extends H2Backend {

        // H2Database's map names (1.47), so that this store opens a file mongo-java-server's own store wrote
        static final String DATA_PREFIX = "databases.";
        static final String META_PREFIX = "meta.";
        static final String INDEX_INFIX = "._index_";

        ScanSafeH2Backend(MVStore store) {
            super(store);
        }

        @Override
        protected MongoDatabase openOrCreateDatabase(String databaseName) {
            return new Database(databaseName);
        }

        /** A collection of the store on its maps: one that serves queries with an {@code _id} condition by the index. */
        protected MongoCollection<Object> collection(MongoDatabase database, String collectionName, CollectionOptions options,
                                                     MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
            return new IdServedH2Collection(database, collectionName, options, dataMap, metaMap, cursorRegistry);
        }

        /**
         * H2's database with {@link #collection}'s collections. An inner class: H2Database opens the existing collections
         * in its constructor, before a field of a subclass is set, while the enclosing backend (and its store) is.
         */
        private final class Database extends H2Database {

            Database(String databaseName) {
                super(databaseName, ScanSafeH2Backend.this.getMvStore(), ScanSafeH2Backend.this.getCursorRegistry());
            }

            /**
             * mongo-java-server's unique index on a map whose keys compare without serializing them again each time
             * ({@link RememberedKeyBytes}); the map name is H2Database's. Its constructor is package-private: when it
             * cannot be reached, the index is opened as mongo-java-server opens it. The {@code _id} index finds a string or
             * object id in the data map itself ({@link IdIndex}).
             */
            @Override
            protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
                Index<Object> unique = uniqueIndex(collectionName, indexName, keys, sparse);
                return IdIndex.isIdIndex(unique) ? new IdIndex(unique, sparse, dataMap(collectionName)) : unique;
            }

            private Index<Object> uniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
                if (UNIQUE_INDEX == null) {
                    return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
                }
                MVMap<KeyValue, Object> map = getMvStore().openMap(getFullCollectionNamespace(collectionName) + INDEX_INFIX + indexName,
                        new MVMap.Builder<KeyValue, Object>().keyType(new RememberedKeyBytes()));
                try {
                    return UNIQUE_INDEX.newInstance(map, indexName, keys, sparse);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot open the unique index " + indexName + " of " + collectionName, e);
                }
            }

            @Override
            public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver databaseResolver, Oplog oplog) {
                if (command.equalsIgnoreCase("aggregate")) {
                    Document narrowed = NarrowedAggregation.answer(this, getFullCollectionNamespace(String.valueOf(query.get(command))), query,
                            databaseResolver, oplog);
                    if (narrowed != null) {
                        clearLastStatus(channel);
                        return narrowed;
                    }
                }
                return super.handleCommand(channel, command, query, databaseResolver, oplog);
            }

            /** MongoDB's non-unique index, which mongo-java-server ignores: {@link SecondaryIndex}, in the data maps' key order. */
            @Override
            protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
                LockedObjectDataType keyOrder = new LockedObjectDataType();
                return new SecondaryIndex(indexName, keys, sparse, keyOrder::compare);
            }

            @Override
            protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
                MVMap<String, Object> metaMap = getMvStore().openMap(META_PREFIX + getFullCollectionNamespace(collectionName));
                return collection(this, collectionName, options, dataMap(collectionName), metaMap, cursorRegistry);
            }

            // keyed by the documents' _ids, of any kind, which the background writer serializes meanwhile; the documents
            // written as BSON. The store opens a map once: the collection and its _id index get the same one
            private MVMap<Object, Document> dataMap(String collectionName) {
                return getMvStore().openMap(DATA_PREFIX + getFullCollectionNamespace(collectionName),
                        new MVMap.Builder<Object, Document>().keyType(new LockedObjectDataType()).valueType(new BsonDocumentValues()));
            }
        }

        @Override
        public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
            return whileInUse(() -> super.handleCommand(channel, databaseName, command, query));
        }

        @Override
        public Document handleMessage(MongoMessage message) {
            return whileInUse(() -> super.handleMessage(message));
        }

        @Override
        public QueryResult handleQuery(MongoQuery query) {
            return whileInUse(() -> super.handleQuery(query));
        }

        // every command materialises its results before it returns (mongo-java-server collects a scan into a
        // list; getMore pages through that list), so the registration can end with the command
        private <T> T whileInUse(Supplier<T> command) {
            MVStore store = getMvStore();
            MVStore.TxCounter usage = store.registerVersionUsage();
            try {
                return command.get();
            } finally {
                store.deregisterVersionUsage(usage);
            }
        }
    }
}
