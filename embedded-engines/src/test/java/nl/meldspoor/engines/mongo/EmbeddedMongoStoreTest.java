package nl.meldspoor.engines.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded MongoDB's file store under the load of a board: long scans (updates whose filter no unique index
 * serves) while other connections write, and read model generations are built and the old one dropped.
 */
class EmbeddedMongoStoreTest {

    static final int DOCS_PER_GENERATION = 3000;
    // matches nothing and costs a backtracking regex per document: a scan of a few thousand documents then takes
    // seconds, as a scan of a whole board's read model does on a busy machine
    static final String SLOW_FILTER = "a.*b.*Q";

    @TempDir
    Path data;

    @Test
    void thePlainH2BackendLosesTheChunksOfARunningScan() throws Exception {
        // the old setup (new H2Backend(fileName)): documents why EmbeddedMongoStore exists; when this stops
        // failing on an upgrade of H2 or mongo-java-server, the version registration may no longer be needed
        H2Backend backend = new H2Backend(data.resolve("plain.mv.db").toString());
        compressTime(backend.getMvStore());
        MongoServer server = new MongoServer(backend);
        try {
            LoadResult result = boardLoad(server, Duration.ofSeconds(20));
            assertThat(result.storeErrors()).as("store errors in %s", result).isNotEmpty()
                    .allSatisfy(error -> assertThat(error).matches("(?s).*Chunk \\d+ not found.*"));
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void longScansSurviveWritesAndGenerationDropsAndTheDataSurvivesARestart() throws Exception {
        Path file = data.resolve("store.mv.db");
        H2Backend backend = EmbeddedMongoStore.backend(file);
        compressTime(backend.getMvStore());
        MongoServer server = new MongoServer(backend);
        LoadResult result;
        try {
            result = boardLoad(server, Duration.ofSeconds(15));
        } finally {
            server.shutdown();
        }
        assertThat(result.storeErrors()).as("store errors in %s", result).isEmpty();
        assertThat(result.scans()).as("scans in %s", result).isGreaterThan(1);
        assertThat(result.drops()).as("generation drops in %s", result).isGreaterThan(1);

        MongoServer reopened = EmbeddedMongoStore.server(file);
        try {
            reopened.bind("localhost", 0);
            try (MongoClient client = MongoClients.create("mongodb://localhost:" + reopened.getLocalAddress().getPort())) {
                MongoDatabase db = client.getDatabase("reporting");
                assertThat(db.getCollection("counters").countDocuments()).isEqualTo(Math.min(result.writes(), COUNTERS));
                assertThat(db.getCollection("views_" + result.generation()).countDocuments()).isEqualTo(DOCS_PER_GENERATION);
                assertThat(db.listCollectionNames().into(new ArrayList<>())).doesNotContain("views_" + (result.generation() - 1));
            }
        } finally {
            reopened.shutdown();
        }
    }

    // H2 frees a chunk nothing current uses once it is older than the retention time (45 s by default, counted
    // from the chunk's creation, so after a few minutes of load every chunk but the newest qualifies) and five
    // more versions were committed (a version per second, more under write load). The test takes both to the
    // state of a store minutes into a load run: no retention, a commit every 10 ms.
    static void compressTime(MVStore store) {
        store.setRetentionTime(0);
        store.setAutoCommitDelay(10);
    }

    static final int COUNTERS = 2000;

    record LoadResult(List<String> storeErrors, int scans, int writes, int drops, int generation) {
    }

    /** Runs until the duration is over or the store has lost a chunk. */
    static LoadResult boardLoad(MongoServer server, Duration duration) throws InterruptedException {
        server.bind("localhost", 0);
        Queue<String> storeErrors = new ConcurrentLinkedQueue<>();
        AtomicInteger scans = new AtomicInteger();
        AtomicInteger writes = new AtomicInteger();
        AtomicInteger drops = new AtomicInteger();
        AtomicInteger generation = new AtomicInteger(1);
        AtomicBoolean lostChunk = new AtomicBoolean();
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + server.getLocalAddress().getPort())) {
            MongoDatabase db = client.getDatabase("reporting");
            String payload = randomText(400, new Random(1));
            fill(db.getCollection("views_1"), payload);
            long deadline = System.nanoTime() + duration.toNanos();
            Step.Runner untilDone = step -> () -> {
                while (!lostChunk.get() && System.nanoTime() < deadline) {
                    try {
                        step.run();
                    } catch (RuntimeException e) {
                        storeErrors.add(e.getMessage());
                        lostChunk.set(true);
                    }
                }
            };
            // the dashboard counters: many small replaces by _id
            threads.submit(untilDone.loop(() -> {
                int n = writes.incrementAndGet();
                db.getCollection("counters").replaceOne(Filters.eq("_id", n % COUNTERS),
                        new Document("_id", n % COUNTERS).append("n", n).append("payload", payload), new ReplaceOptions().upsert(true));
            }));
            // the long scans: an update whose filter no index serves, on the active generation
            threads.submit(untilDone.loop(() -> {
                db.getCollection("views_" + generation.get()).updateMany(Filters.regex("payload", SLOW_FILTER), Updates.set("seen", true));
                scans.incrementAndGet();
            }));
            // the generation swap: build the next generation, switch to it, drop the old one while it may still be scanned
            threads.submit(untilDone.loop(() -> {
                int old = generation.get();
                fill(db.getCollection("views_" + (old + 1)), payload);
                generation.set(old + 1);
                db.getCollection("views_" + old).drop();
                drops.incrementAndGet();
            }));
            threads.shutdown();
            assertThat(threads.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS)).isTrue();
        } finally {
            threads.shutdownNow();
        }
        return new LoadResult(List.copyOf(storeErrors), scans.get(), writes.get(), drops.get(), generation.get());
    }

    interface Step {
        void run();

        interface Runner {
            Runnable loop(Step step);
        }
    }

    static void fill(MongoCollection<Document> collection, String payload) {
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < DOCS_PER_GENERATION; i++) {
            batch.add(new Document("_id", i).append("schoolId", "bs-" + (i % 50)).append("payload", payload + i));
            if (batch.size() == 500) {
                collection.insertMany(batch);
                batch.clear();
            }
        }
    }

    static String randomText(int length, Random random) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }
}
