package nl.meldspoor.engines.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opt-in probe ({@code -Dbench=true}, size {@code -Dbench.documents}): documents with string ids inserted in bulks of
 * 500 into the file store, and the same into mongo-java-server's plain H2 backend in the same run, per fifth of the
 * documents (each insert searches the {@code _id} index, which grows). Prints documents per second; asserts nothing.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class InsertIntoTheFileStoreProbe {

    private static final int DOCUMENTS = Integer.getInteger("bench.documents", 200_000);

    @TempDir
    Path data;

    @Test
    void insertsBesideThePlainBackend() throws Exception {
        System.out.printf("%nINSERT INTO THE FILE STORE: %,d documents, bulks of 500, documents/s per fifth%n", DOCUMENTS);
        for (int round = 0; round < 2; round++) {
            report("mongo-java-server's H2Backend", new MongoServer(new H2Backend(MVStore.open(data.resolve("plain-" + round + ".mv.db").toString()))));
            report("EmbeddedMongoStore", EmbeddedMongoStore.server(data.resolve("ours-" + round + ".mv.db")));
        }
    }

    private static void report(String store, MongoServer server) {
        server.bind("localhost", 0);
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + server.getLocalAddress().getPort())) {
            MongoCollection<Document> collection = client.getDatabase("test").getCollection("views");
            StringBuilder fifths = new StringBuilder();
            long all = System.nanoTime();
            for (int fifth = 0; fifth < 5; fifth++) {
                long started = System.nanoTime();
                for (int from = fifth * DOCUMENTS / 5; from < (fifth + 1) * DOCUMENTS / 5; from += 500) {
                    List<Document> bulk = new ArrayList<>(500);
                    for (int i = from; i < from + 500; i++) {
                        // ids in no order, as aggregates' ids are
                        bulk.add(new Document("_id", "case-" + Integer.toHexString(i * 0x9E3779B1)).append("version", 1L).append("school", "school-" + i % 100));
                    }
                    collection.insertMany(bulk);
                }
                fifths.append(String.format("%s%,.0f", fifth == 0 ? "" : " · ", DOCUMENTS / 5 / ((System.nanoTime() - started) / 1e9)));
            }
            System.out.printf("| %s | %s | %,.0f documents/s in all |%n", store, fifths, DOCUMENTS / ((System.nanoTime() - all) / 1e9));
        } finally {
            server.shutdownNow();
        }
    }
}
