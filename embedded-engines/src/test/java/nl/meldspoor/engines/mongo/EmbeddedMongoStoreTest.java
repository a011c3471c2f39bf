package nl.meldspoor.engines.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded MongoDB's file store keeps what a running scan reads: an update whose filter no unique index
 * serves iterates a snapshot of the whole collection, and meanwhile a read model generation is dropped, other
 * maps are written and H2 compacts its file.
 *
 * <p>Each scenario is made exact rather than raced: the scan stops at its first document, the store is brought
 * into the state a busy minute brings it to (the chunks the scan still reads are dead, H2 frees what it may, its
 * page cache is emptied), and then the scan goes on.
 */
class EmbeddedMongoStoreTest {

    static final int DOCUMENTS = 2000;
    static final String PAYLOAD = randomText(300, new Random(1));
    // the payloads are lower case: the filter matches nothing and so reads every document
    static final String NO_MATCH = "Q";

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
    void anUpdateScanSurvivesTheDropOfItsGeneration() throws Exception {
        assertThat(outcomeOf(() -> updateScanWhileTheGenerationIsDropped(Kind.SCAN_SAFE))).isEqualTo("completed");
    }

    @Test
    void anUpdateScanSurvivesTheCompactionOfItsChunks() throws Exception {
        assertThat(outcomeOf(() -> updateScanWhileTheStoreCompacts(Kind.SCAN_SAFE))).isEqualTo("completed");
    }

    @Test
    void withThePlainH2BackendTheDropLosesTheChunksOfTheRunningScan() throws Exception {
        // the old setup, new H2Backend(fileName): shows why EmbeddedMongoStore exists. If this starts to fail after
        // an upgrade of H2 or mongo-java-server, the upgrade fixed it and the version registration may go.
        assertThat(outcomeOf(() -> updateScanWhileTheGenerationIsDropped(Kind.PLAIN))).isEqualTo("lost a chunk");
    }

    @Test
    void withThePlainH2BackendCompactionLosesTheChunksOfTheRunningScan() throws Exception {
        assertThat(outcomeOf(() -> updateScanWhileTheStoreCompacts(Kind.PLAIN))).isEqualTo("lost a chunk");
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

    /** A long update scan on views_1; while it runs, views_1 is dropped and other writes commit version after version. */
    UpdateResult updateScanWhileTheGenerationIsDropped(Kind kind) throws Exception {
        MVStore store = store("drop.mv.db");
        Pause pause = new Pause("views_1");
        MongoDatabase db = connect(kind.open(store, pause));
        db.createCollection("views_1");
        store.commit();
        // a generation is written over many commits: its pages are in chunks of their own, as a rebuild's are
        MongoCollection<org.bson.Document> views = db.getCollection("views_1");
        for (int batch = 0; batch < DOCUMENTS / 100; batch++) {
            insert(views, batch * 100, 100);
            store.commit();
        }

        CompletableFuture<UpdateResult> scan = pause.scanning(() -> views.updateMany(Filters.regex("payload", NO_MATCH), Updates.set("seen", true)));
        // what dropping the collection does to the store (straight on the store: the server's threads may be the paused one's)
        store.getMapNames().stream().filter(name -> name.contains(".reporting.views_1")).forEach(store::removeMap);
        aBusyMinute(store);
        return pause.resumedAfterTheStoreFreedWhatItMay(store, scan);
    }

    /**
     * Views and other data share chunks; while a long update scan on views runs, the other data is rewritten (the
     * chunks are then half dead) and the store compacts, moving the views' pages out of them.
     */
    UpdateResult updateScanWhileTheStoreCompacts(Kind kind) throws Exception {
        MVStore store = store("compact.mv.db");
        Pause pause = new Pause("views");
        MongoDatabase db = connect(kind.open(store, pause));
        MongoCollection<org.bson.Document> views = db.getCollection("views");
        MVMap<Integer, String> other = store.openMap("other");
        for (int batch = 0; batch < DOCUMENTS / 100; batch++) {
            insert(views, batch * 100, 100);
            for (int i = batch * 100; i < batch * 100 + 100; i++) {
                other.put(i, PAYLOAD + i);
            }
            store.commit();
        }

        CompletableFuture<UpdateResult> scan = pause.scanning(() -> views.updateMany(Filters.regex("payload", NO_MATCH), Updates.set("seen", true)));
        other.replaceAll((key, value) -> value + "'");
        aBusyMinute(store);
        return pause.resumedAfterTheStoreFreedWhatItMay(store, scan);
    }

    /**
     * What a busy minute of the local system does to the store: many more versions committed than it keeps, and
     * the background writer's compaction of chunks that are not full (a dropped map's pages are found dead only
     * there, as it rewrites the live rest of their chunks).
     */
    static void aBusyMinute(MVStore store) {
        commitVersions(store);
        store.compact(100, Integer.MAX_VALUE);
        commitVersions(store);
    }

    static void commitVersions(MVStore store) {
        MVMap<Integer, String> counters = store.openMap("churn");
        for (int version = 0; version < 20; version++) {
            for (int i = 0; i < 50; i++) {
                counters.put(i, PAYLOAD + version);
            }
            store.commit();
        }
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

    /** H2 with time compressed: a chunk may be freed as soon as no kept version uses it. */
    MVStore store(String name) {
        MVStore store = EmbeddedMongoStore.openStore(data.resolve(name));
        // H2 frees a chunk that no current map version uses once it is older than the retention time (45 s by
        // default, counted from the chunk's creation: after a minute of load every chunk but the newest) and five
        // more versions were committed; no retention brings the first within this test's time
        store.setRetentionTime(0);
        return store;
    }

    enum Kind {
        /** {@link EmbeddedMongoStore}'s backend, whose collections stop at the pause. */
        SCAN_SAFE {
            @Override
            H2Backend open(MVStore store, Pause pause) {
                return new EmbeddedMongoStore.ScanSafeH2Backend(store) {
                    @Override
                    protected de.bwaldvogel.mongo.MongoCollection<Object> collection(de.bwaldvogel.mongo.MongoDatabase database, String name,
                            CollectionOptions options, MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursors) {
                        return new IdServedH2Collection(database, name, options, dataMap, metaMap, cursors) {
                            @Override
                            protected boolean documentMatchesQuery(Document document, Document query) {
                                pause.reached(name);
                                return super.documentMatchesQuery(document, query);
                            }
                        };
                    }
                };
            }
        },
        /** mongo-java-server's own H2 backend, with the same pause. */
        PLAIN {
            @Override
            H2Backend open(MVStore store, Pause pause) {
                return new H2Backend(store) {
                    @Override
                    protected de.bwaldvogel.mongo.MongoDatabase openOrCreateDatabase(String databaseName) {
                        return new H2Database(databaseName, store, getCursorRegistry()) {
                            @Override
                            protected de.bwaldvogel.mongo.MongoCollection<Object> openOrCreateCollection(String name, CollectionOptions options) {
                                String fullName = getFullCollectionNamespace(name);
                                return new H2Collection(this, name, options, store.openMap(EmbeddedMongoStore.ScanSafeH2Backend.DATA_PREFIX + fullName),
                                        store.openMap(EmbeddedMongoStore.ScanSafeH2Backend.META_PREFIX + fullName), cursorRegistry) {
                                    @Override
                                    protected boolean documentMatchesQuery(Document document, Document query) {
                                        pause.reached(name);
                                        return super.documentMatchesQuery(document, query);
                                    }
                                };
                            }
                        };
                    }
                };
            }
        };

        abstract H2Backend open(MVStore store, Pause pause);
    }

    /** Stops the first scan of one collection at its first document until the test has prepared the store. */
    static final class Pause {
        private final String collection;
        private final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch resumed = new CountDownLatch(1);

        Pause(String collection) {
            this.collection = collection;
        }

        void reached(String scanned) {
            if (!scanned.equals(collection) || reached.getCount() == 0) {
                return;
            }
            reached.countDown();
            try {
                resumed.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        <T> CompletableFuture<T> scanning(Supplier<T> command) throws InterruptedException {
            CompletableFuture<T> running = CompletableFuture.supplyAsync(command);
            assertThat(reached.await(30, TimeUnit.SECONDS)).as("the scan reached its first document").isTrue();
            return running;
        }

        /** Lets H2 free every chunk no kept version uses, empties its page cache (pages are read from their chunks again), and resumes. */
        <T> T resumedAfterTheStoreFreedWhatItMay(MVStore store, CompletableFuture<T> scan) throws Exception {
            store.getFileStore().dropUnusedChunks();
            store.setCacheSize(store.getCacheSize());
            resumed.countDown();
            return scan.get(60, TimeUnit.SECONDS);
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
