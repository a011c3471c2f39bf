package nl.meldspoor.engines.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.bson.Document;

/** The in-memory store of tests ({@code meldspoor.embedded.mongo.in-memory}). */
class InMemoryIdServedQueriesTest extends IdServedQueriesTest {

    @Override
    MongoBackend servedBackend() {
        return new IdServedMemoryBackend() {
            @Override
            protected MemoryCollection collection(MongoDatabase database, String collectionName, CollectionOptions options, CursorRegistry cursorRegistry) {
                return new IdServedMemoryBackend.Collection(database, collectionName, options, cursorRegistry) {
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
        return new MemoryBackend();
    }
}
