package nl.meldspoor.reporting.readmodel;

import java.util.ArrayList;
import java.util.List;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.meldspoor.engines.mongo.EmbeddedMongoStore;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.reporting.InMemoryMongo;
import org.h2.mvstore.MVStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Opt-in probe ({@code -Dbench=true}): the rate at which a rebuild applies a generated board's events into a new
 * generation, polls of 500 as the consumer gets them, beside a raw bulk upsert of as many documents of the same size
 * into the same mongo-java-server in the same run — on the embedded engines' in-memory and file stores, and on
 * mongo-java-server's own backends, which scan for {@code {_id, version}}. Prints the figures; asserts nothing about time.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class RebuildRateProbe {

    private static final int POLL = 500;

    @Test
    void rebuildRateBesideARawBulkUpsert() throws Exception {
        int cases = Integer.getInteger("bench.cases", 2000);
        GeneratedBoard board = new GeneratedBoard(14, cases, cases / 3, cases / 2);
        System.out.printf("%nREBUILD PROBE events=%d jvm=%s %s%n", board.events(), System.getProperty("java.vm.version"),
                java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        System.out.printf("| store | rebuild (3 read models, polls of %d) | raw bulk upsert, same server | ratio |%n|---|---|---|---|%n", POLL);
        double inMemory = rate("embedded in-memory store (tests)", board, EmbeddedMongoStore.inMemoryServer());
        double plainInMemory = rate("mongo-java-server's own MemoryBackend", board, new MongoServer(new MemoryBackend()));
        Path files = Files.createTempDirectory("rebuild-probe");
        double fileStore = rate("embedded file store (local system)", board, EmbeddedMongoStore.server(files.resolve("served.mv.db")));
        double plainFileStore = rate("mongo-java-server's own H2Backend on a file", board,
                new MongoServer(new H2Backend(new MVStore.Builder().fileName(files.resolve("plain.mv.db").toString()).open())));
        // the embedded stores serve {_id, version} and {_id: {$in}} by the _id index; mongo-java-server's own backends scan
        System.out.printf("embedded store / mongo-java-server's own backend: in memory %.1fx, file %.1fx%n",
                inMemory / plainInMemory, fileStore / plainFileStore);
    }

    /** The rebuild rate on the server, printed beside a raw bulk upsert into the same server. */
    private static double rate(String store, GeneratedBoard board, MongoServer server) {
        try (InMemoryMongo mongo = new InMemoryMongo(server)) {
            List<AggregateDocumentReadModel<?>> readModels = List.of(mongo.meldcodeCases(), mongo.incidentRegister(), mongo.pupilSignals());
            // warm-up: the JIT and the server, into a generation that is dropped again
            rebuild(readModels, board.inOrder.subList(0, Math.min(board.events(), 5000)), 9);
            readModels.forEach(readModel -> readModel.collections(9).forEach(mongo.template()::dropCollection));
            rawUpsert(mongo, board.inOrder.subList(0, Math.min(board.events(), 5000)), "raw_warmup");

            long started = System.nanoTime();
            rebuild(readModels, board.inOrder, 1);
            double rebuildSeconds = (System.nanoTime() - started) / 1e9;

            started = System.nanoTime();
            rawUpsert(mongo, board.inOrder, "raw_bulk");
            double rawSeconds = (System.nanoTime() - started) / 1e9;

            double rebuildRate = board.events() / rebuildSeconds;
            double rawRate = board.events() / rawSeconds;
            System.out.printf("| %s | %.0f events/s | %.0f docs/s | %.0f %% |%n", store, rebuildRate, rawRate, 100 * rebuildRate / rawRate);
            return rebuildRate;
        }
    }

    private static void rebuild(List<AggregateDocumentReadModel<?>> readModels, List<PublishedEvent> events, int generation) {
        readModels.forEach(readModel -> readModel.prepareStorage(generation));
        for (int from = 0; from < events.size(); from += POLL) {
            List<PublishedEvent> poll = events.subList(from, Math.min(events.size(), from + POLL));
            readModels.forEach(readModel -> readModel.applyAll(poll, generation));
        }
    }

    /** The baseline: one document per event, carrying the event's JSON, upserted by id in bulks of a poll's size. */
    private static void rawUpsert(InMemoryMongo mongo, List<PublishedEvent> events, String collection) {
        for (int from = 0; from < events.size(); from += POLL) {
            BulkOperations bulk = mongo.template().bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
            List<PublishedEvent> poll = events.subList(from, Math.min(events.size(), from + POLL));
            List<Document> documents = new ArrayList<>();
            for (PublishedEvent event : poll) {
                documents.add(new Document("_id", event.eventId()).append("aggregateId", event.aggregateId())
                        .append("sequence", event.sequence()).append("json", event.json()));
            }
            documents.forEach(document -> bulk.replaceOne(Query.query(Criteria.where("_id").is(document.get("_id"))), document,
                    FindAndReplaceOptions.options().upsert()));
            bulk.execute();
        }
    }
}
