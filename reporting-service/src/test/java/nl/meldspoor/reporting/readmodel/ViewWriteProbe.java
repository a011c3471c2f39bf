package nl.meldspoor.reporting.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import nl.meldspoor.engines.mongo.EmbeddedMongoStore;
import nl.meldspoor.reporting.InMemoryMongo;
import nl.meldspoor.reporting.meldcase.CaseRecord;
import org.bson.BsonDocument;
import org.bson.BsonDocumentWrapper;
import org.bson.Document;
import org.bson.codecs.Codec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Opt-in probe ({@code -Dbench=true}): the views of a generated board's cases replaced in the local system's file store,
 * in bulks of a poll's size, each round written one way — straight into BSON by {@link ViewEncoder}, or mapped by the
 * converter and encoded by the driver, as before — and the ways alternated; the time to make the documents and the
 * time of the bulk writes (the driver's encoding, the round trip and the store's work) apart. Prints the figures;
 * asserts nothing about time.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class ViewWriteProbe {

    private static final int ROUNDS = 40;
    private static final int WARM_UP = 10;
    private static final int BULK = 500;

    @Test
    void aViewWrittenStraightIntoBsonBesideTheConverter() throws Exception {
        int cases = Integer.getInteger("bench.cases", 2000);
        try (InMemoryMongo mongo = new InMemoryMongo(EmbeddedMongoStore.server(Files.createTempDirectory("view-write").resolve("served.mv.db")))) {
            var meldcodeCases = mongo.meldcodeCases();
            GeneratedBoard board = new GeneratedBoard(21, cases, 10, 10);
            for (int from = 0; from < board.events(); from += 2000) {
                meldcodeCases.applyAll(board.inOrder.subList(from, Math.min(board.events(), from + 2000)), 0);
            }
            MongoTemplate template = mongo.template();
            String name = Generations.nameOf(CaseRecord.COLLECTION, 0);
            List<CaseRecord> views = new ArrayList<>();
            template.getCollection(name).find().batchSize(1000).forEach(stored -> views.add(template.getConverter().read(CaseRecord.class, stored)));
            ViewEncoder<CaseRecord> encoder = ViewEncoder.of(template.getConverter(), CaseRecord.class).orElseThrow();
            MongoCollection<BsonDocument> collection = template.getCollection(name).withDocumentClass(BsonDocument.class);
            Codec<Document> documentCodec = collection.getCodecRegistry().get(Document.class);

            System.out.printf("%nVIEW WRITE PROBE %d case views, bulks of %d, %d rounds alternated (the first %d a warm-up)%n", views.size(), BULK, ROUNDS, WARM_UP);
            System.out.println("| round | written | documents made | bulk writes | in all |\n|---|---|---|---|---|");
            List<long[]> straight = new ArrayList<>();
            List<long[]> converted = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                boolean direct = round % 2 == 0;
                long started = System.nanoTime();
                List<WriteModel<BsonDocument>> writes = new ArrayList<>(views.size());
                for (CaseRecord view : views) {
                    BsonDocument document = direct ? encoder.encode(view, view.caseId(), AggregateDocument.FORMAT_FIELD, meldcodeCases.viewFormat())
                            : converted(template, view, meldcodeCases.viewFormat(), documentCodec);
                    writes.add(new ReplaceOneModel<>(Filters.eq("_id", view.caseId()), document));
                }
                long made = System.nanoTime();
                for (int from = 0; from < writes.size(); from += BULK) {
                    collection.bulkWrite(writes.subList(from, Math.min(writes.size(), from + BULK)));
                }
                long written = System.nanoTime();
                System.out.printf("| %d | %s | %d ms | %d ms | %d ms |%n", round + 1, direct ? "straight into BSON" : "by the converter",
                        (made - started) / 1_000_000, (written - made) / 1_000_000, (written - started) / 1_000_000);
                if (round >= WARM_UP) {
                    (direct ? straight : converted).add(new long[] {made - started, written - made, written - started});
                }
            }
            System.out.printf("medians after the warm-up (documents made / bulk writes / in all): straight into BSON %s, by the converter %s%n",
                    medians(straight), medians(converted));
        }
    }

    private static String medians(List<long[]> rounds) {
        List<String> parts = new ArrayList<>();
        for (int part = 0; part < 3; part++) {
            int which = part;
            long[] sorted = rounds.stream().mapToLong(round -> round[which]).sorted().toArray();
            parts.add((sorted[sorted.length / 2] / 1_000_000) + " ms");
        }
        return String.join(" / ", parts);
    }

    private static BsonDocument converted(MongoTemplate template, CaseRecord view, int format, Codec<Document> documentCodec) {
        return new BsonDocumentWrapper<>(AggregateDocumentReadModel.mapped(template.getConverter(), view, view.caseId(), format), documentCodec);
    }
}
