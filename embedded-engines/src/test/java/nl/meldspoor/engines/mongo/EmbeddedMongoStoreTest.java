package nl.meldspoor.engines.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded MongoDB's file store keeps what a running scan reads: an update whose filter no unique index
 * serves iterates a snapshot of the whole collection, and meanwhile other connections write, a read model
 * generation is dropped, and H2 compacts its file in the background.
 */
class EmbeddedMongoStoreTest {

    static final int DOCUMENTS = 2000;
    // matches nothing and costs a backtracking regex per document: a scan of a few thousand documents takes
    // seconds here, as a scan of a whole board's read model does on a busy machine
    static final String SLOW_FILTER = "a.*b.*Q";
    static final String PAYLOAD = randomText(300, new Random(1));
    static final int PLAIN_ATTEMPTS = 5;

    @TempDir
    Path data;

    private final List<MongoServer> servers = new ArrayList<>();
    private final List<MongoClient> clients = new ArrayList<>();

    @AfterEach
    void stop() {
        clients.forEach(MongoClient::close);
        servers.forEach(MongoServer::shutdownNow);
    }

    @Test
    void aLongUpdateScanSurvivesTheDropOfItsGenerationUnderWriteLoad() throws Exception {
        assertThat(updateScanWhileTheGenerationIsDropped(scanSafe(), "drop.mv.db").getMatchedCount()).isZero();
    }

    @Test
    void aLongUpdateScanSurvivesBackgroundCompactionOfItsChunks() throws Exception {
        // the plain H2Backend lost a chunk in this scenario in only some runs (compaction's timing is H2's own),
        // so unlike the drop there is no test of the old setup here; the mechanism is the same

        assertThat(updateScanWhileTheStoreCompacts(scanSafe()).getMatchedCount()).isZero();
    }

    @Test
    void withThePlainH2BackendTheDropLosesTheChunksOfTheRunningScan() throws Exception {
        // the old setup, new H2Backend(fileName): shows why EmbeddedMongoStore exists. If this starts to fail after
        // an upgrade of H2 or mongo-java-server, the upgrade fixed it and the version registration may go.
        // When H2's background writer frees the chunks is its own timing: on a CI machine one run once finished its
        // scan first, so the scenario gets a few tries and one lost chunk proves the point.
        List<String> outcomes = new ArrayList<>();
        for (int attempt = 1; attempt <= PLAIN_ATTEMPTS && !outcomes.contains("lost a chunk"); attempt++) {
            String file = "drop-" + attempt + ".mv.db";
            outcomes.add(outcomeOf(() -> updateScanWhileTheGenerationIsDropped(plain(), file)));
        }
        assertThat(outcomes).as("outcomes of the tries").contains("lost a chunk")
                .allMatch(outcome -> outcome.equals("lost a chunk") || outcome.equals("completed"));
    }

    @Test
    void theDataSurvivesARestartAlsoInAFileTheOldSetupWrote() throws Exception {
        Path file = data.resolve("meldspoor.mv.db");
        MongoServer old = new MongoServer(new H2Backend(file.toString()));
        MongoDatabase written = connect(old);
        fill(written.getCollection("views_1"), DOCUMENTS);
        written.getCollection("counters").insertOne(new org.bson.Document("_id", "bs-001|2026-12").append("opened", 3));
        old.shutdown();

        MongoServer restarted = EmbeddedMongoStore.server(file);
        MongoDatabase reopened = connect(restarted);
        assertThat(reopened.getCollection("views_1").countDocuments()).isEqualTo(DOCUMENTS);
        reopened.getCollection("counters").updateOne(Filters.eq("_id", "bs-001|2026-12"), Updates.inc("opened", 1));
        fill(reopened.getCollection("views_2"), 10);
        reopened.getCollection("views_1").drop();
        restarted.shutdown();

        MongoDatabase again = connect(EmbeddedMongoStore.server(file));
        assertThat(again.getCollection("counters").find().first()).containsEntry("opened", 4);
        assertThat(again.listCollectionNames().into(new ArrayList<>())).contains("views_2", "counters").doesNotContain("views_1");
        assertThat(again.getCollection("views_2").countDocuments()).isEqualTo(10);
    }

    // --- the scenarios

    /** Starts a long update scan on views_1, drops views_1 while it runs, and keeps writing counters meanwhile. */
    UpdateResult updateScanWhileTheGenerationIsDropped(Backend backend, String file) throws Exception {
        Probe probe = new Probe();
        MongoDatabase db = connect(backend.open(store(file), probe));
        MongoCollection<org.bson.Document> views = db.getCollection("views_1");
        fill(views, DOCUMENTS);
        CompletableFuture<UpdateResult> scan = probe.updateOn(() -> views.updateMany(Filters.regex("payload", SLOW_FILTER), Updates.set("seen", true)));
        views.drop();
        // every write is a change the store commits within 10 ms: versions pass while the scan still reads
        AtomicInteger n = new AtomicInteger();
        while (!scan.isDone()) {
            int i = n.incrementAndGet() % 200;
            db.getCollection("counters").replaceOne(Filters.eq("_id", i), new org.bson.Document("_id", i).append("payload", PAYLOAD),
                    new ReplaceOptions().upsert(true));
        }
        return scan.get();
    }

    /**
     * Fills views and counters into the same chunks, starts a long update scan on views, and rewrites every counter
     * meanwhile: the chunks are then half dead, and compaction moves the views' pages out of them.
     */
    UpdateResult updateScanWhileTheStoreCompacts(Backend backend) throws Exception {
        Probe probe = new Probe();
        MongoDatabase db = connect(backend.open(store("compact.mv.db"), probe));
        MongoCollection<org.bson.Document> views = db.getCollection("views");
        MongoCollection<org.bson.Document> counters = db.getCollection("counters");
        for (int batch = 0; batch < DOCUMENTS / 100; batch++) {
            insert(views, batch * 100, 100);
            insert(counters, batch * 100, 100);
        }
        CompletableFuture<UpdateResult> scan = probe.updateOn(() -> views.updateMany(Filters.regex("payload", SLOW_FILTER), Updates.set("seen", true)));
        int round = 0;
        while (!scan.isDone()) {
            counters.updateMany(Filters.empty(), Updates.set("round", ++round));
        }
        return scan.get();
    }

    interface Scenario {
        UpdateResult run() throws Exception;
    }

    static String outcomeOf(Scenario scenario) {
        try {
            scenario.run();
            return "completed";
        } catch (ExecutionException e) {
            String message = String.valueOf(e.getMessage());
            return message.matches("(?s).*Chunk \\d+ not found.*") ? "lost a chunk" : "failed otherwise: " + message;
        } catch (Exception e) {
            return "failed otherwise: " + e;
        }
    }

    // --- the store and the backends

    /** H2 with time compressed, see {@link #store}. */
    MVStore store(String name) {
        MVStore store = EmbeddedMongoStore.openStore(data.resolve(name));
        // H2 frees a chunk that no current map version uses once it is older than the retention time (45 s by
        // default, counted from the chunk's creation: after a minute of load every chunk but the newest) and five
        // more versions were committed (one a second, more under write load). No retention and a commit every
        // 10 ms put the store in that state within this test's seconds.
        store.setRetentionTime(0);
        store.setAutoCommitDelay(10);
        return store;
    }

    interface Backend {
        H2Backend open(MVStore store, Probe probe);
    }

    static Backend scanSafe() {
        return (store, probe) -> new EmbeddedMongoStore.ScanSafeH2Backend(store) {
            @Override
            public Document handleMessage(MongoMessage message) {
                probe.saw(message);
                return super.handleMessage(message);
            }
        };
    }

    static Backend plain() {
        return (store, probe) -> new H2Backend(store) {
            @Override
            public Document handleMessage(MongoMessage message) {
                probe.saw(message);
                return super.handleMessage(message);
            }
        };
    }

    /** Tells the test that the server has started the update, so the drop or the rewrites come while it scans. */
    static final class Probe {
        private volatile CountDownLatch update = new CountDownLatch(1);

        void saw(MongoMessage message) {
            if (message.getDocument().containsKey("update")) {
                update.countDown();
            }
        }

        <T> CompletableFuture<T> updateOn(java.util.function.Supplier<T> command) throws InterruptedException {
            CompletableFuture<T> running = CompletableFuture.supplyAsync(command);
            assertThat(update.await(30, TimeUnit.SECONDS)).as("the update reached the server").isTrue();
            return running;
        }
    }

    MongoDatabase connect(H2Backend backend) {
        return connect(new MongoServer(backend));
    }

    MongoDatabase connect(MongoServer server) {
        servers.add(server);
        server.bind("localhost", 0);
        MongoClient client = MongoClients.create("mongodb://localhost:" + server.getLocalAddress().getPort());
        clients.add(client);
        return client.getDatabase("reporting");
    }

    static void fill(MongoCollection<org.bson.Document> collection, int count) {
        for (int from = 0; from < count; from += 500) {
            insert(collection, from, Math.min(500, count - from));
        }
    }

    static void insert(MongoCollection<org.bson.Document> collection, int from, int count) {
        List<org.bson.Document> batch = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            batch.add(new org.bson.Document("_id", i).append("schoolId", "bs-" + (i % 50)).append("payload", PAYLOAD + i));
        }
        collection.insertMany(batch);
    }

    static String randomText(int length, Random random) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }
}
