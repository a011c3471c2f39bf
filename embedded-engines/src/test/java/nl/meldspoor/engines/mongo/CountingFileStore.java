package nl.meldspoor.engines.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.bson.Document;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/** The file store, its collections counting the documents they read, so that a test can tell a narrowed query from a scan. */
class CountingFileStore extends EmbeddedMongoStore.ScanSafeH2Backend {

    /** Documents matched against a find's, update's or delete's filter. */
    final AtomicInteger examined;
    /** Documents looked up one by one (an index's positions). */
    final AtomicInteger lookedUp = new AtomicInteger();
    /** Documents an aggregation read from the whole collection. */
    final AtomicInteger streamed = new AtomicInteger();

    CountingFileStore(MVStore store, AtomicInteger examined) {
        super(store);
        this.examined = examined;
    }

    @Override
    protected MongoCollection<Object> collection(MongoDatabase database, String collectionName, CollectionOptions options,
                                                 MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
        // the backend opens a store's collections in its constructor, before the counters are set: those reads are not counted
        return new IdServedH2Collection(database, collectionName, options, dataMap, metaMap, cursorRegistry) {
            @Override
            protected boolean documentMatchesQuery(Document document, Document query) {
                increment(examined);
                return super.documentMatchesQuery(document, query);
            }

            @Override
            protected Document getDocument(Object position) {
                increment(lookedUp);
                return super.getDocument(position);
            }

            @Override
            public Stream<Document> queryAllAsStream() {
                return super.queryAllAsStream().peek(document -> increment(streamed));
            }
        };
    }

    private static void increment(AtomicInteger counter) {
        if (counter != null) {
            counter.incrementAndGet();
        }
    }
}
