package nl.meldspoor.engines.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opt-in probe ({@code -Dbench=true}; {@code -Dbench.documents}, {@code -Dbench.updates}): does a larger H2 page cache
 * make the file store's read models cheaper? Views of ~2.7 kB (a case view's size) are replaced in random order by
 * {@code {_id, version}}, as the projections replace them, on the file store with H2's default cache (16 MB) and with
 * 64 MB ({@code -Dbench.caches=16,64}), alternated in one run after a round that warms up. Prints replaces per second, the pages H2 read from the file per replace and the file's
 * size; asserts nothing.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class PageCacheProbe {

    private static final int DOCUMENTS = Integer.getInteger("bench.documents", 10_000);
    private static final int UPDATES = Integer.getInteger("bench.updates", 100_000);
    private static final int[] CACHES = Arrays.stream(System.getProperty("bench.caches", "16,64").split(","))
            .mapToInt(Integer::parseInt).toArray();
    private static final String VIEW = "x".repeat(2_700);

    @TempDir
    Path data;

    @Test
    void replacesWithH2sCacheAndALargerOne() throws Exception {
        System.out.printf("%nPAGE CACHE: %,d views of ~2.7 kB, %,d replaces by {_id, version} in random order%n"
                + "| cache | replaces/s | pages read per replace | file at the end |%n|---|---|---|---|%n", DOCUMENTS, UPDATES);
        // the first round warms the JIT up and is not printed
        for (int round = 0; round < 3; round++) {
            for (int cacheMegabytes : CACHES) {
                report(cacheMegabytes, data.resolve("store-" + round + "-" + cacheMegabytes + ".mv.db"), round > 0);
            }
        }
    }

    private static void report(int cacheMegabytes, Path file, boolean printed) throws Exception {
        MVStore store = new MVStore.Builder().fileName(file.toString()).cacheSize(cacheMegabytes).open();
        MongoServer server = new EmbeddedMongoServer(new EmbeddedMongoStore.ScanSafeH2Backend(store));
        server.bind("localhost", 0);
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + server.getLocalAddress().getPort())) {
            MongoCollection<Document> views = client.getDatabase("test").getCollection("views");
            for (int i = 0; i < DOCUMENTS; i++) {
                views.insertOne(new Document("_id", id(i)).append("version", 0L).append("view", VIEW));
            }
            long[] versions = new long[DOCUMENTS];
            Random random = new Random(14);
            long readsBefore = store.getFileStore().getReadCount();
            long started = System.nanoTime();
            for (int update = 0; update < UPDATES; update++) {
                int i = random.nextInt(DOCUMENTS);
                views.replaceOne(Filters.and(Filters.eq("_id", id(i)), Filters.eq("version", versions[i])),
                        new Document("_id", id(i)).append("version", ++versions[i]).append("view", VIEW + update));
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            if (printed) {
                System.out.printf("| %d MB | %,.0f | %.2f | %,d MB |%n", cacheMegabytes, UPDATES / seconds,
                    (double) (store.getFileStore().getReadCount() - readsBefore) / UPDATES, Files.size(file) >> 20);
            }
        } finally {
            server.shutdownNow();
        }
    }

    // ids in no order, as aggregates' ids are
    private static String id(int i) {
        return "case-" + Integer.toHexString(i * 0x9E3779B1);
    }
}
