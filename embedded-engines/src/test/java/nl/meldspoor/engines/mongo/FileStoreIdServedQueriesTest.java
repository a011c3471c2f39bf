package nl.meldspoor.engines.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

/** The H2 file store the local system and a lone service run on. */
class FileStoreIdServedQueriesTest extends IdServedQueriesTest {

    @Override
    MongoBackend servedBackend() {
        return new EmbeddedMongoStore.ScanSafeH2Backend(EmbeddedMongoStore.openStore(data.resolve("served.mv.db"))) {
            @Override
            protected MongoCollection<Object> collection(MongoDatabase database, String collectionName, CollectionOptions options,
                                                     MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap,
                                                     CursorRegistry cursorRegistry) {
                return new IdServedH2Collection(database, collectionName, options, dataMap, metaMap, cursorRegistry) {
                    @Override
                    protected boolean documentMatchesQuery(Document document, Document query) {
                        examined.incrementAndGet();
                        return super.documentMatchesQuery(document, query);
                    }
                };
            }
        };
    }

    @Override
    MongoBackend scanningBackend() {
        return new H2Backend(EmbeddedMongoStore.openStore(data.resolve("scanned.mv.db")));
    }
}
