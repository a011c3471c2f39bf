package nl.meldspoor.engines.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/** The H2 file store the local system and a lone service run on. */
class FileStoreIdServedQueriesTest extends IdServedQueriesTest {

    @Override
    MongoBackend servedBackend() {
        return new CountingFileStore(EmbeddedMongoStore.openStore(data.resolve("served.mv.db")), examined);
    }

    @Override
    MongoBackend scanningBackend() {
        return new H2Backend(EmbeddedMongoStore.openStore(data.resolve("scanned.mv.db")));
    }
}
