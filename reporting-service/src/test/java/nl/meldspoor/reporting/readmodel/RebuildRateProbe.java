package nl.meldspoor.reporting.readmodel;

import java.util.ArrayList;
import java.util.List;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.reporting.InMemoryMongo;
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
 * into the same mongo-java-server in the same run. Prints the figures; asserts nothing about time.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class RebuildRateProbe {

    private static final int POLL = 500;

    @Test
    void rebuildRateBesideARawBulkUpsert() {
        int cases = Integer.getInteger("bench.cases", 2000);
        GeneratedBoard board = new GeneratedBoard(14, cases, cases / 3, cases / 2);
        try (InMemoryMongo mongo = new InMemoryMongo()) {
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
            System.out.printf("%nREBUILD PROBE events=%d jvm=%s %s%n", board.events(), System.getProperty("java.vm.version"),
                    java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
            System.out.printf("| rebuild (3 read models, polls of %d) | %.0f events/s | raw bulk upsert, same server | %.0f docs/s | ratio %.0f %% |%n",
                    POLL, rebuildRate, rawRate, 100 * rebuildRate / rawRate);
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
