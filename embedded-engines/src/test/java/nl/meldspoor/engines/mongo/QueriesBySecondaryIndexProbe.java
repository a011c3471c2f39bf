package nl.meldspoor.engines.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opt-in probe ({@code -Dbench=true}, size {@code -Dbench.documents}, default 60,000 — the notifications of the 22,000-case
 * board): the notification-service's own queries on a collection shaped like its notifications (500 recipients, 1 % of
 * the mails pending), with the service's two indexes declared, on the file store (which keeps them) and on
 * mongo-java-server's plain H2 backend (which ignores them and scans) in the same run: p50 / p99 ms of an inbox page, its
 * count and a read of the due mails; then the file store opened again (its indexes built from the file) and the heap the
 * indexes take. Prints a table; asserts nothing.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class QueriesBySecondaryIndexProbe {

    private static final int DOCUMENTS = Integer.getInteger("bench.documents", 60_000);
    private static final int ROUNDS = 200;
    private static final Date NOW = Date.from(Instant.parse("2026-12-06T08:00:00Z"));

    @TempDir
    Path data;

    @Test
    void theServicesQueriesBesideTheScan() throws Exception {
        System.out.printf("%nQUERIES BY A SECONDARY INDEX: %,d notifications, 500 recipients, 1 %% of the mails pending; p50 / p99 ms of %d%n",
                DOCUMENTS, ROUNDS);
        System.out.println("| store | inbox page (20 newest) | inbox count | due mails (500) |");
        System.out.println("|---|---|---|---|");
        MongoServer plain = new MongoServer(new H2Backend(MVStore.open(data.resolve("plain.mv.db").toString())));
        measure("mongo-java-server's H2Backend (scan)", plain);
        MongoServer ours = EmbeddedMongoStore.server(data.resolve("ours.mv.db"));
        measure("EmbeddedMongoStore (indexes)", ours);
        reopen("mongo-java-server's H2Backend", () -> new MongoServer(new H2Backend(MVStore.open(data.resolve("plain.mv.db").toString()))));
        reopen("EmbeddedMongoStore (its indexes built from the file)", () -> {
            try {
                return EmbeddedMongoStore.server(data.resolve("ours.mv.db"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** The time to open the store again with its notifications, and the heap the open store then holds. */
    private static void reopen(String store, Supplier<MongoServer> open) throws InterruptedException {
        long before = usedHeap();
        long opening = System.nanoTime();
        MongoServer server = open.get();
        server.bind("localhost", 0);
        double openMs = (System.nanoTime() - opening) / 1e6;
        long held = usedHeap() - before;
        System.out.printf("%s opened again with %,d notifications in %,.0f ms; heap it then holds: %,d MB%n", store, DOCUMENTS, openMs,
                held / (1024 * 1024));
        server.shutdownNow();
    }

    private static void measure(String store, MongoServer server) {
        server.bind("localhost", 0);
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + server.getLocalAddress().getPort())) {
            MongoCollection<Document> notifications = client.getDatabase("test").getCollection("notifications");
            notifications.createIndex(Indexes.compoundIndex(Indexes.ascending("recipientId"), Indexes.descending("createdAt")));
            notifications.createIndex(Indexes.compoundIndex(Indexes.ascending("mail.status"), Indexes.ascending("mail.nextAttemptAt")));
            for (int from = 0; from < DOCUMENTS; from += 500) {
                List<Document> bulk = new ArrayList<>(500);
                for (int i = from; i < Math.min(DOCUMENTS, from + 500); i++) {
                    boolean pending = i % 100 == 0;
                    bulk.add(new Document("_id", "reminder:" + Integer.toHexString(i * 0x9E3779B1) + ":person-" + i % 500)
                            .append("recipientId", "person-" + i % 500).append("type", "REMINDER").append("schoolId", "school-" + i % 100)
                            .append("createdAt", new Date(NOW.getTime() - (DOCUMENTS - i) * 60_000L)).append("readAt", null)
                            .append("title", "Herinnering: stap 2 wacht al 14 werkdagen").append("mail", new Document("status", pending ? "PENDING" : "SENT")
                                    .append("nextAttemptAt", new Date(NOW.getTime() - (i % 1000) * 1000L)).append("attempts", pending ? 0 : 1)));
                }
                notifications.insertMany(bulk);
            }
            int[] recipient = {0};
            String page = percentiles(() -> notifications.find(Filters.eq("recipientId", "person-" + recipient[0]++ % 500))
                    .sort(Sorts.descending("createdAt")).limit(20).into(new ArrayList<>()));
            String count = percentiles(() -> notifications.countDocuments(Filters.and(Filters.eq("recipientId", "person-" + recipient[0]++ % 500),
                    Filters.eq("readAt", null))));
            String due = percentiles(() -> notifications.find(Filters.and(Filters.eq("mail.status", "PENDING"), Filters.lte("mail.nextAttemptAt", NOW)))
                    .sort(Sorts.ascending("mail.nextAttemptAt")).limit(500).into(new ArrayList<>()));
            System.out.printf("| %s | %s | %s | %s |%n", store, page, count, due);
        } finally {
            server.shutdownNow();
        }
    }

    private static String percentiles(Supplier<Object> query) {
        for (int i = 0; i < ROUNDS / 4; i++) {
            query.get();
        }
        double[] ms = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long started = System.nanoTime();
            query.get();
            ms[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(ms);
        return String.format("%.2f / %.2f", ms[ROUNDS / 2], ms[ROUNDS * 99 / 100]);
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
