package nl.meldspoor.engines.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.result.UpdateResult;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file store works out replacements and updates of plain fields itself ({@link DirectUpdate}); each must leave the
 * document mongo-java-server's own store leaves — the same keys in the same order, the same kinds of numbers — and answer
 * the same counts of matched and modified documents, or fail as it fails. Each update here runs against both, on
 * documents that start the same.
 */
class DirectUpdateTest {

    private static final JsonWriterSettings EXACT = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

    @TempDir
    Path data;

    @Test
    void replacementsAndUpdatesOfPlainFieldsLeaveWhatMongoJavaServerLeaves() throws Exception {
        try (LocalMongoClients clients = new LocalMongoClients()) {
            Both both = new Both(clients.views(EmbeddedMongoStore.backend(data.resolve("direct.mv.db"))),
                    clients.views(new H2Backend(new MVStore.Builder().open())));
            both.insert(month("school-a|2026-10"), month("school-b|2026-10"), new Document("_id", 7L).append("count", 1),
                    new Document("_id", "list").append("items", List.of(new Document("n", 1), 2)).append("nothing", null));

            // the month counters' own shape: counts added up by day and in total, a guard set and a settled one unset
            both.update(Filters.eq("_id", "school-a|2026-10"), new Document("$inc", new Document("totals.opened", 1)
                    .append("days.2026-10-03.opened", 1).append("days.2026-10-04.signals", 2))
                    .append("$set", new Document("adding.case-2", new Document("sequence", 4L).append("counts", new byte[] {1, 2})))
                    .append("$unset", new Document("adding.case-1", "")), true);
            // numbers of other kinds: an int plus a long is a long, plus a double a double; adding 0 modifies nothing, even where
            // it makes an int a long
            both.update(Filters.eq("_id", "school-a|2026-10"), new Document("$inc", new Document("totals.opened", 5L)), true);
            both.update(Filters.eq("_id", "school-a|2026-10"), new Document("$inc", new Document("totals.closed", 0.5)), true);
            both.update(Filters.eq("_id", "school-a|2026-10"), new Document("$inc", new Document("totals.opened", 0L)), true);
            both.update(Filters.eq("_id", 7L), new Document("$inc", new Document("count", 0L)), true);
            // a value set to what it is (also as another kind of number) is not modified; a new field at the end
            both.update(Filters.eq("_id", "school-b|2026-10"), new Document("$set", new Document("format", 8L)), true);
            both.update(Filters.eq("_id", "school-b|2026-10"), new Document("$set", new Document("format", 9)), true);
            both.update(Filters.eq("_id", "school-b|2026-10"), new Document("$set", new Document("schoolId", "school-b")
                    .append("stamp.at", 12).append("stamp.by.reader", "r1")), true);
            // unsets of what is absent, on the way or at the end, change nothing
            both.update(Filters.eq("_id", "school-b|2026-10"), new Document("$unset", new Document("no.such.field", "")
                    .append("totals.none", "")), true);
            both.update(Filters.eq("_id", "school-b|2026-10"), new Document("$unset", new Document("totals", "")), true);
            // an update on every month, and one whose filter matches nothing but inserts
            both.updateMany(Filters.regex("_id", "\\|2026-10$"), new Document("$inc", new Document("totals.signals", 3)), true);
            both.update(Filters.eq("_id", "school-c|2026-10"), new Document("$inc", new Document("totals.opened", 1))
                    .append("$setOnInsert", new Document("format", 8)), true, true);
            both.update(Filters.eq("_id", "school-c|2026-10"), new Document("$inc", new Document("totals.opened", 1))
                    .append("$setOnInsert", new Document("format", 9)), true, true);
            // upserts that insert where the filter names only the _id: $setOnInsert applies, paths create their documents
            both.update(Filters.eq("_id", "school-d|2026-10"), new Document("$set", new Document("stamp.at", 3).append("schoolId", "school-d"))
                    .append("$setOnInsert", new Document("format", 8).append("days.2026-10-01.opened", 0)).append("$inc", new Document("totals.opened", 2L)), true, true);
            both.update(Filters.eq("_id", "school-e|2026-10"), new Document("$unset", new Document("adding.case-1", "")), true, true);
            both.update(Filters.eq("_id", new ObjectId("6751a0f0e4b0a1b2c3d4e5f6")), new Document("$inc", new Document("count", 1)), true, true);
            both.replace(Filters.eq("_id", "school-f|2026-10"), new Document("format", 8).append("totals", new Document("opened", 1)), true, true);
            both.replace(Filters.eq("_id", "school-g|2026-10"), new Document("_id", "school-g|2026-10").append("format", 8), true, true);
            both.replace(Filters.eq("_id", "school-h|2026-10"), new Document("_id", "school-x|2026-10").append("format", 8), true, true);
            both.update(Filters.and(Filters.eq("_id", "school-i|2026-10"), Filters.eq("format", 8)), new Document("$set", new Document("format", 8)), true, true);
            // guarded upserts: a guard is left out of what is inserted, an $eq is not; a guard that refuses meets the month
            Document guard = new Document("$not", new Document("$gt", 3L));
            both.update(new Document("_id", "school-j|2026-10").append("adding.case-7.sequence", guard),
                    new Document("$inc", new Document("totals.opened", 1)).append("$set", new Document("adding.case-7.sequence", 4L)), true, true);
            both.update(new Document("_id", "school-j|2026-10").append("adding.case-7.sequence", guard),
                    new Document("$inc", new Document("totals.opened", 1)).append("$set", new Document("adding.case-7.sequence", 4L)), true, true);
            both.update(new Document("_id", "school-k|2026-10").append("format", new Document("$eq", 8)),
                    new Document("$inc", new Document("totals.opened", 1)), true, true);
            // replacements: by _id and version, the same _id given again (as another kind of number), the same content again
            both.replace(Filters.and(Filters.eq("_id", "school-a|2026-10"), Filters.eq("format", 8)),
                    new Document("format", 8).append("totals", new Document("opened", 2)).append("view", List.of("a", "b")), true);
            both.replace(Filters.eq("_id", 7L), new Document("_id", 7).append("count", 2), true);
            both.replace(Filters.eq("_id", 7L), new Document("_id", 7).append("count", 2), true);
            both.replace(Filters.eq("_id", "nobody"), new Document("count", 1), true, true);

            // the generic way, with its errors (taken, and then sent there when the stored document shows it, or not taken): arrays
            // and null on a path, positional, conflicts, _id, non-numbers, operators
            both.update(Filters.eq("_id", "list"), new Document("$set", new Document("items.0.n", 5)), true);
            both.update(Filters.eq("_id", "list"), new Document("$set", new Document("nothing.below", 5)), true);
            both.update(Filters.and(Filters.eq("_id", "list"), Filters.eq("items.n", 5)), new Document("$set", new Document("items.$.n", 6)), false);
            both.update(Filters.eq("_id", "school-b|2026-10"), new Document("$set", new Document("stamp", 1).append("stamp.at", 2)), false);
            both.update(Filters.eq("_id", "school-b|2026-10"), new Document("$set", new Document("stamp.at", 1))
                    .append("$inc", new Document("stamp.at", 2)), false);
            both.update(Filters.eq("_id", "school-b|2026-10"), new Document("$set", new Document("_id", "other")), false);
            both.update(Filters.eq("_id", "school-b|2026-10"), new Document("$inc", new Document("schoolId", 1)), true);
            both.update(Filters.eq("_id", "school-b|2026-10"), new Document("$inc", new Document("totals.signals", "1")), false);
            both.update(Filters.eq("_id", "school-b|2026-10"), new Document("$max", new Document("totals.signals", 10)), false);
            both.update(Filters.eq("_id", "school-b|2026-10"), new Document("$set", new Document("schoolId.deeper", 1)), true);
            both.replace(Filters.eq("_id", 7L), new Document("_id", 8L).append("count", 3), true);
            both.replace(Filters.eq("_id", 7L), new Document("_id", null).append("count", 4), true);
            both.sameDocuments();
        }
    }

    @Test
    void theIndexesOfAChangedFieldAreCheckedAndChangedAndTheOthersLeftAlone() throws Exception {
        try (LocalMongoClients clients = new LocalMongoClients()) {
            Both both = new Both(clients.views(EmbeddedMongoStore.backend(data.resolve("indexed.mv.db"))),
                    clients.views(new H2Backend(new MVStore.Builder().open())));
            both.each(views -> views.createIndex(Indexes.ascending("schoolId", "month"), new IndexOptions().unique(true)));
            both.each(views -> views.createIndex(Indexes.ascending("stamp.at")));
            both.insert(month("school-a|2026-10").append("month", "2026-10").append("stamp", new Document("at", 1)),
                    month("school-a|2026-11").append("month", "2026-11").append("stamp", new Document("at", 1)));

            both.update(Filters.eq("_id", "school-a|2026-10"), new Document("$inc", new Document("totals.opened", 1)), true);
            both.update(Filters.eq("_id", "school-a|2026-10"), new Document("$set", new Document("stamp.at", 2)), true);
            both.update(Filters.eq("_id", "school-a|2026-11"), new Document("$set", new Document("month", "2026-10")), true);
            both.replace(Filters.eq("_id", "school-a|2026-11"), new Document("schoolId", "school-a").append("month", "2026-10"), true);
            both.replace(Filters.eq("_id", "school-a|2026-11"), new Document("schoolId", "school-a").append("month", "2026-12")
                    .append("stamp", new Document("at", 2)), true);
            both.update(Filters.eq("_id", "school-a|2026-11"), new Document("$set", new Document("month", "2026-11")), true);

            both.sameFound(Filters.eq("stamp.at", 2));
            both.sameFound(Filters.eq("stamp.at", 1));
            both.sameFound(Filters.and(Filters.eq("schoolId", "school-a"), Filters.eq("month", "2026-11")));
            both.sameFound(Filters.and(Filters.eq("schoolId", "school-a"), Filters.eq("month", "2026-12")));
            both.sameDocuments();
        }
    }

    @Test
    void randomUpdatesOfPlainFieldsLeaveWhatMongoJavaServerLeaves() throws Exception {
        Random random = new Random(20261207);
        try (LocalMongoClients clients = new LocalMongoClients()) {
            Both both = new Both(clients.views(EmbeddedMongoStore.backend(data.resolve("random.mv.db"))),
                    clients.views(new H2Backend(new MVStore.Builder().open())));
            for (int i = 0; i < 20; i++) {
                both.insert(month("school-" + i));
            }
            both.comparedEvery = 50;
            String[] fields = {"totals", "days", "adding", "a", "b"};
            for (int round = 0; round < 600; round++) {
                Document update = new Document();
                List<String> used = new ArrayList<>();
                for (int change = 0; change < 1 + random.nextInt(6); change++) {
                    String path = fields[random.nextInt(fields.length)] + (random.nextBoolean() ? "" : "." + fields[random.nextInt(fields.length)])
                            + (random.nextInt(3) == 0 ? "." + random.nextInt(3) : "");
                    if (used.stream().anyMatch(other -> other.equals(path) || other.startsWith(path + ".") || path.startsWith(other + "."))) {
                        continue;
                    }
                    used.add(path);
                    String operator = List.of("$set", "$unset", "$inc", "$inc").get(random.nextInt(4));
                    Object value = switch (random.nextInt(5)) {
                        case 0 -> random.nextInt(3);
                        case 1 -> (long) random.nextInt(3);
                        case 2 -> random.nextInt(3) / 2.0;
                        case 3 -> operator.equals("$inc") ? 1 : new Document("x", random.nextInt(2));
                        default -> operator.equals("$inc") ? -1 : "tekst";
                    };
                    ((Document) update.computeIfAbsent(operator, key -> new Document())).append(path, value);
                }
                Bson filter = Filters.eq("_id", "school-" + random.nextInt(20));
                if (random.nextInt(10) == 0) {
                    both.updateMany(Filters.in("_id", "school-1", "school-2", "school-3"), update, null);
                } else {
                    both.update(filter, update, null);
                }
            }
            both.sameDocuments();
            assertThat(both.direct).as("updates the file store worked out itself").isGreaterThan(500);
        }
    }

    @Test
    void theStoredDocumentIsLeftAsItWasForWhoeverStillReadsIt() {
        de.bwaldvogel.mongo.bson.Document stored = toServerDocument(month("school-a|2026-10"));
        de.bwaldvogel.mongo.bson.Document before = stored.cloneDeeply();
        DirectUpdate update = DirectUpdate.of(toServerDocument(new Document("$inc", new Document("totals.opened", 1)
                .append("days.2026-10-03.opened", 1).append("days.2026-10-04.opened", 1))
                .append("$unset", new Document("adding.case-1", "")).append("$set", new Document("schoolId", "school-z"))),
                ArrayFilters.empty(), "_id", false);

        DirectUpdate.Updated updated = update.applyTo(stored);

        assertThat(stored).isEqualTo(before);
        assertThat(updated.written()).isTrue();
        assertThat(updated.modified()).isTrue();
        assertThat(updated.document().toString()).isEqualTo("{\"_id\" : \"school-a|2026-10\", \"format\" : 8, \"schoolId\" : \"school-z\", "
                + "\"totals\" : {\"opened\" : 3, \"closed\" : 1}, \"days\" : {\"2026-10-03\" : {\"opened\" : 2}, \"2026-10-04\" : {\"opened\" : 1}}, "
                + "\"adding\" : {}}");
    }

    private static Document month(String id) {
        return new Document("_id", id).append("format", 8).append("schoolId", id.split("\\|")[0])
                .append("totals", new Document("opened", 2).append("closed", 1L))
                .append("days", new Document("2026-10-03", new Document("opened", 1)))
                .append("adding", new Document("case-1", new Document("sequence", 3L)));
    }

    /** The file store and mongo-java-server's own store, given the same writes. */
    private static final class Both {

        private final MongoCollection<Document> store;
        private final MongoCollection<Document> reference;
        int direct;
        int written;
        int comparedEvery = 1;

        Both(MongoCollection<Document> store, MongoCollection<Document> reference) {
            this.store = store;
            this.reference = reference;
        }

        void each(java.util.function.Consumer<MongoCollection<Document>> action) {
            action.accept(store);
            action.accept(reference);
        }

        void sameFound(Bson filter) {
            assertThat(store.find(filter).into(new ArrayList<>())).as("found by %s", filter)
                    .containsExactlyInAnyOrderElementsOf(reference.find(filter).into(new ArrayList<>()));
        }

        void insert(Document... documents) {
            for (Document document : documents) {
                store.insertOne(Document.parse(document.toJson(EXACT)));
                reference.insertOne(Document.parse(document.toJson(EXACT)));
            }
        }

        void update(Bson filter, Document update, Boolean expectDirect) {
            update(filter, update, expectDirect, false);
        }

        void update(Bson filter, Document update, Boolean expectDirect, boolean upsert) {
            expectDirect(update, false, expectDirect);
            same(update.toJson(), collection -> collection.updateOne(filter, update, new UpdateOptions().upsert(upsert)));
        }

        void updateMany(Bson filter, Document update, Boolean expectDirect) {
            expectDirect(update, true, expectDirect);
            same(update.toJson(), collection -> collection.updateMany(filter, update));
        }

        void replace(Bson filter, Document replacement, Boolean expectDirect) {
            replace(filter, replacement, expectDirect, false);
        }

        void replace(Bson filter, Document replacement, Boolean expectDirect, boolean upsert) {
            expectDirect(replacement, false, expectDirect);
            same(replacement.toJson(), collection -> collection.replaceOne(filter, replacement, new ReplaceOptions().upsert(upsert)));
        }

        /** Whether {@link DirectUpdate} takes the update at all (it may still send a document it meets the generic way). */
        private void expectDirect(Document update, boolean multi, Boolean expected) {
            boolean taken = DirectUpdate.of(toServerDocument(update), ArrayFilters.empty(), "_id", multi) != null;
            if (expected != null) {
                assertThat(taken).as("taken by DirectUpdate: %s", update.toJson()).isEqualTo(expected);
            }
            direct += taken ? 1 : 0;
        }

        private void same(String what, Function<MongoCollection<Document>, UpdateResult> write) {
            assertThat(outcome(store, write)).as(what).isEqualTo(outcome(reference, write));
            if (++written % comparedEvery == 0) {
                sameDocuments();
            }
        }

        private static String outcome(MongoCollection<Document> collection, Function<MongoCollection<Document>, UpdateResult> write) {
            try {
                UpdateResult result = write.apply(collection);
                return "matched " + result.getMatchedCount() + ", modified " + result.getModifiedCount() + ", upserted "
                        + (result.getUpsertedId() == null ? "-" : result.getUpsertedId().toString());
            } catch (MongoException refused) {
                return "refused " + refused.getCode() + ": " + refused.getMessage().replaceAll("localhost:\\d+", "");
            }
        }

        void sameDocuments() {
            List<String> stored = new ArrayList<>();
            store.find().forEach(document -> stored.add(document.toJson(EXACT)));
            List<String> expected = new ArrayList<>();
            reference.find().forEach(document -> expected.add(document.toJson(EXACT)));
            assertThat(stored).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @SuppressWarnings("unchecked")
    private static de.bwaldvogel.mongo.bson.Document toServerDocument(Map<String, Object> document) {
        de.bwaldvogel.mongo.bson.Document converted = new de.bwaldvogel.mongo.bson.Document();
        document.forEach((key, value) -> converted.put(key, value instanceof Map<?, ?> map ? toServerDocument((Map<String, Object>) map) : value));
        return converted;
    }
}
