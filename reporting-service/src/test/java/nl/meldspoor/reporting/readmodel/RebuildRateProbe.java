package nl.meldspoor.reporting.readmodel;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.ArrayList;
import java.util.List;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.meldspoor.engines.mongo.EmbeddedMongoStore;
import nl.meldspoor.api.calendar.WorkingDays;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.platform.consuming.StoredEvents;
import nl.meldspoor.platform.testing.history.CaseHistoryBuilder;
import nl.meldspoor.reporting.dashboard.counters.DashboardCounters;
import nl.meldspoor.reporting.meldcase.CaseDeadlines;
import nl.meldspoor.reporting.meldcase.CaseDossiers;
import nl.meldspoor.reporting.meldcase.MeldcodeCases;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
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
 * generation, in polls as the consumer takes them ({@link #POLL}), beside a raw bulk upsert of as many documents of the same size
 * into the same mongo-java-server in the same run — on the embedded engines' in-memory and file stores, and on
 * mongo-java-server's own backends, which scan for {@code {_id, version}}; and where a rebuild's time goes, per read model
 * on the file store: the store's commands by kind and collection, beside the read model's own work. Prints the
 * figures; asserts nothing about time.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class RebuildRateProbe {

    /** As a read model's consumer takes them ({@code meldspoor.reporting.poll-records}), or {@code -Dbench.poll}. */
    static final int POLL = Integer.getInteger("bench.poll", ReportingProperties.DEFAULT_POLL_RECORDS);

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

    /**
     * Where the time of a rebuild goes on the local system's file store: {@code meldcode-cases} into a new generation and
     * {@code dashboard-counters} in place, each after a warm-up round, with the time until the store answered each of
     * its commands (the client's encoding, the round trip and the server's work) beside the rest.
     */
    @Test
    void whereARebuildsTimeGoes() throws Exception {
        int cases = Integer.getInteger("bench.cases", 2000);
        GeneratedBoard board = new GeneratedBoard(14, cases, cases / 3, cases / 2);
        StoreCommandTimes times = new StoreCommandTimes();
        try (InMemoryMongo mongo = new InMemoryMongo(EmbeddedMongoStore.server(Files.createTempDirectory("rebuild-time").resolve("served.mv.db")));
             MongoClient client = MongoClients.create(MongoClientSettings.builder()
                     .applyConnectionString(new ConnectionString(mongo.connectionString())).addCommandListener(times).build())) {
            MongoTemplate template = new MongoTemplate(client, "test");
            MongoMappingContext mapping = (MongoMappingContext) template.getConverter().getMappingContext();
            StoredEvents storedEvents = new StoredEvents(CaseHistoryBuilder.JSON);
            CaseDeadlines deadlines = new CaseDeadlines(WorkingDays.dutch(), 5);
            MeldcodeCases meldcodeCases = new MeldcodeCases(template, mapping, new Generations(template), storedEvents, deadlines,
                    new CaseDossiers(CaseHistoryBuilder.JSON));
            DashboardCounters counters = new DashboardCounters(template, mapping, storedEvents, deadlines);
            System.out.printf("%nWHERE A REBUILD'S TIME GOES (%d events, polls of %d, file store)%n| read model / command | commands | time | share |%n|---|---|---|---|%n",
                    board.events(), POLL);
            for (int round = 0; round < 2; round++) {
                boolean warmUp = round == 0;
                int generation = round + 1;
                times.reset();
                long started = System.nanoTime();
                rebuild(List.of(meldcodeCases), board.inOrder, generation);
                report("meldcode-cases into generation " + generation, warmUp, board, started, times);

                counters.collections().forEach(template::dropCollection);
                times.reset();
                started = System.nanoTime();
                counters.prepareStorage();
                for (int from = 0; from < board.events(); from += POLL) {
                    counters.applyAll(board.inOrder.subList(from, Math.min(board.events(), from + POLL)), 0);
                }
                report("dashboard-counters in place", warmUp, board, started, times);
            }
        }
    }

    private static void report(String what, boolean warmUp, GeneratedBoard board, long started, StoreCommandTimes times) {
        double millis = (System.nanoTime() - started) / 1e6;
        if (warmUp) {
            return;
        }
        System.out.printf("| **%s** | | %,.0f ms (%,.0f events/s) | 100 %% |%n", what, millis, board.events() / millis * 1000);
        times.print(millis);
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

    static void rebuild(List<? extends AggregateDocumentReadModel<?>> readModels, List<PublishedEvent> events, int generation) {
        readModels.forEach(readModel -> readModel.prepareStorage(generation));
        for (int from = 0; from < events.size(); from += POLL) {
            List<PublishedEvent> poll = events.subList(from, Math.min(events.size(), from + POLL));
            readModels.forEach(readModel -> readModel.applyAll(poll, generation));
        }
    }

    /** The baseline: one document per event, carrying the event's JSON, upserted by id in bulks of a poll's size. */
    static void rawUpsert(InMemoryMongo mongo, List<PublishedEvent> events, String collection) {
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
