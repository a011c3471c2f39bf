package nl.meldspoor.engines.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.FindIterable;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The file store's non-unique indexes ({@link SecondaryIndex}) narrow a query to the documents its indexed field allows, and
 * the answer stays mongo-java-server's: every operation runs on the file store and on mongo-java-server's own H2 backend
 * (which ignores those indexes and scans) side by side, with random documents (values of mixed kinds, arrays, nested
 * arrays, missing fields, null) and random queries, updates, replacements and deletes, and both must give the same
 * answer, in the same order, and end with the same documents — also after the file store was closed and opened again,
 * when its indexes are built from the file.
 */
class SecondaryIndexQueriesTest {

    private static final List<String> STATUSES = List.of("PENDING", "SENT", "FAILED", "CLAIMED");
    private static final Date NOW = new Date(1_800_000_000_000L);

    @TempDir
    Path data;

    private final AtomicInteger examined = new AtomicInteger();
    private AtomicInteger lookedUp;
    private AtomicInteger streamed;
    private final LocalMongoClients mongo = new LocalMongoClients();
    private int servedIndex;
    private MVStore servedStore;
    private MongoCollection<org.bson.Document> served;
    private MongoCollection<org.bson.Document> scanned;

    @AfterEach
    void stop() {
        mongo.close();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void randomOperationsGiveTheScansAnswers(long seed) {
        Random random = new Random(seed);
        List<org.bson.Document> documents = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            documents.add(randomDocument(random, i));
        }
        fillBoth(documents);
        for (int step = 0; step < 400; step++) {
            if (step == 200) {
                reopenServed();
            }
            operate(random, step);
        }
        assertThat(served.find().into(new ArrayList<>())).isEqualTo(scanned.find().into(new ArrayList<>()));
    }

    @Test
    void anEqualityOrARangeOnAnIndexedFieldExaminesOnlyTheDocumentsItAllows() {
        List<org.bson.Document> documents = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            documents.add(new org.bson.Document("_id", "n-" + i).append("recipient", "person-" + i % 100)
                    .append("mail", new org.bson.Document("status", i % 50 == 0 ? "PENDING" : "SENT").append("nextAttemptAt", new Date(NOW.getTime() + (i - 1000) * 1000L)))
                    .append("at", new Date(NOW.getTime() + i * 60_000L)));
        }
        fillBoth(documents);

        // the due mails: 40 pending of 2,000
        assertExamines(c -> c.find(Filters.and(Filters.eq("mail.status", "PENDING"), Filters.lte("mail.nextAttemptAt", NOW)))
                .sort(Sorts.ascending("mail.nextAttemptAt")).limit(10).into(new ArrayList<>()), 40);
        // an inbox: 20 of 2,000
        assertExamines(c -> c.find(Filters.eq("recipient", "person-7")).sort(Sorts.descending("at")).into(new ArrayList<>()), 20);
        // a range: the 100 latest
        assertExamines(c -> c.find(Filters.gte("at", new Date(NOW.getTime() + 1900 * 60_000L))).into(new ArrayList<>()), 100);
        assertExamines(c -> c.updateMany(Filters.eq("recipient", "person-8"), Updates.set("read", true)).getModifiedCount(), 20);
        assertExamines(c -> c.deleteMany(Filters.in("recipient", "person-9", "person-10")).getDeletedCount(), 40);
        // a page's total is an aggregation: the inbox's, over the index too
        lookedUp.set(0);
        streamed.set(0);
        assertThat(served.countDocuments(Filters.eq("recipient", "person-7"))).isEqualTo(scanned.countDocuments(Filters.eq("recipient", "person-7")))
                .isEqualTo(20);
        assertThat(served.countDocuments(Filters.and(Filters.eq("mail.status", "PENDING"), Filters.eq("recipient", "person-50"))))
                .isEqualTo(scanned.countDocuments(Filters.and(Filters.eq("mail.status", "PENDING"), Filters.eq("recipient", "person-50")))).isEqualTo(20);
        assertThat(lookedUp.get() + streamed.get()).as("documents the file store read for the two counts").isLessThanOrEqualTo(20 + 20);
        // a count by _id — Spring's exists() — looks its documents up by the _id index, in the scan's order
        lookedUp.set(0);
        streamed.set(0);
        assertThat(served.countDocuments(Filters.eq("_id", "n-5"))).isEqualTo(scanned.countDocuments(Filters.eq("_id", "n-5"))).isEqualTo(1);
        assertThat(served.countDocuments(Filters.and(Filters.eq("_id", "n-6"), Filters.eq("recipient", "person-7"))))
                .isEqualTo(scanned.countDocuments(Filters.and(Filters.eq("_id", "n-6"), Filters.eq("recipient", "person-7")))).isZero();
        assertThat(served.countDocuments(Filters.eq("_id", "n-absent"))).isZero();
        List<Bson> byIds = List.of(Aggregates.match(Filters.in("_id", "n-1999", "n-3", "n-250", "n-absent", "n-3")));
        assertThat(served.aggregate(byIds).into(new ArrayList<>())).isEqualTo(scanned.aggregate(byIds).into(new ArrayList<>())).hasSize(3);
        assertThat(streamed.get()).as("documents the counts and the aggregation by _id streamed from the whole collection").isZero();
        assertThat(lookedUp.get()).as("documents they looked up").isEqualTo(1 + 1 + 3);
        lookedUp.set(0);
        streamed.set(0);
        assertThat(served.countDocuments(Filters.eq("read", true))).isEqualTo(scanned.countDocuments(Filters.eq("read", true)));
        assertThat(lookedUp.get() + streamed.get()).as("a count on a field no index has reads them all").isEqualTo(1960);
        // after the store was opened again, its indexes built from the file
        reopenServed();
        assertExamines(c -> c.find(Filters.eq("recipient", "person-8")).into(new ArrayList<>()), 20);
        assertExamines(c -> c.find(Filters.eq("recipient", "person-9")).into(new ArrayList<>()), 0);
        // a field no index has is a scan, as before
        assertExamines(c -> c.find(Filters.eq("read", true)).into(new ArrayList<>()), 1960);
        // so is a condition most documents meet: looking each of them up would cost more than walking the collection
        lookedUp.set(0);
        assertExamines(c -> c.find(Filters.eq("mail.status", "SENT")).into(new ArrayList<>()), 1960);
        assertThat(lookedUp.get()).as("documents looked up one by one for a condition 1,920 of 1,960 meet").isZero();
        assertExamines(c -> c.find(Filters.in("recipient", "person-1", "person-2")).into(new ArrayList<>()), 40);
        assertThat(lookedUp.get()).as("documents looked up one by one for two inboxes").isEqualTo(40);
    }

    /** One random operation, drawn once and applied to both stores. */
    private void operate(Random random, int step) {
        Bson filter = randomFilter(random);
        String field = randomField(random);
        Object value = randomValue(random);
        switch (random.nextInt(12)) {
            case 0 -> assertSame(c -> c.updateMany(filter, Updates.set(field, value)).getModifiedCount());
            case 1 -> assertSame(c -> c.updateMany(filter, Updates.unset(field)).getModifiedCount());
            case 2 -> {
                org.bson.Document replacement = randomDocument(random, -1);
                replacement.remove("_id");
                assertSame(c -> c.replaceOne(filter, replacement).getModifiedCount());
            }
            case 3 -> {
                if (random.nextInt(4) == 0) {
                    assertSame(c -> c.deleteMany(filter).getDeletedCount());
                } else {
                    org.bson.Document added = randomDocument(random, 1000 + step);
                    assertSame(c -> c.insertOne(added).wasAcknowledged());
                }
            }
            case 5 -> assertSame(c -> c.countDocuments(filter));
            case 6 -> assertSame(c -> c.aggregate(List.of(Aggregates.match(filter), Aggregates.group("$recipient", Accumulators.sum("count", 1)),
                    Aggregates.sort(Sorts.ascending("_id")))).into(new ArrayList<>()));
            case 4 -> assertSame(c -> c.findOneAndUpdate(filter, Updates.set("status", value),
                    new FindOneAndUpdateOptions().sort(Sorts.ascending("at")).returnDocument(ReturnDocument.AFTER)));
            default -> {
                Bson sort = random.nextBoolean() ? null : random.nextBoolean() ? Sorts.ascending(field) : Sorts.descending(field);
                int skip = random.nextInt(3) == 0 ? random.nextInt(5) : 0;
                int limit = skip > 0 ? 1 + random.nextInt(10) : 0;
                assertSame(c -> {
                    FindIterable<org.bson.Document> found = c.find(filter).skip(skip).limit(limit);
                    return (sort == null ? found : found.sort(sort)).into(new ArrayList<>());
                });
            }
        }
    }

    /** The same answer, or the same refusal (an update that cannot set a field through an array is refused by both). */
    private <T> void assertSame(Function<MongoCollection<org.bson.Document>, T> operation) {
        assertThat(outcome(operation, served)).isEqualTo(outcome(operation, scanned));
    }

    private static <T> Object outcome(Function<MongoCollection<org.bson.Document>, T> operation, MongoCollection<org.bson.Document> collection) {
        try {
            return operation.apply(collection);
        } catch (MongoException refused) {
            return "refused with code " + refused.getCode();
        }
    }

    private <T> void assertExamines(Function<MongoCollection<org.bson.Document>, T> operation, int mostExamined) {
        T expected = operation.apply(scanned);
        examined.set(0);
        T actual = operation.apply(served);
        assertThat(actual).isEqualTo(expected);
        assertThat(examined.get()).as("documents the file store matched the query against").isLessThanOrEqualTo(mostExamined);
    }

    /** The file store and mongo-java-server's plain backend, both with the same indexes declared and the same documents. */
    private void fillBoth(List<org.bson.Document> documents) {
        openServed();
        scanned = mongo.views(new H2Backend(EmbeddedMongoStore.openStore(data.resolve("scanned.mv.db"))));
        declareIndexes(served);
        declareIndexes(scanned);
        served.insertMany(documents);
        scanned.insertMany(documents);
    }

    private static void declareIndexes(MongoCollection<org.bson.Document> collection) {
        collection.createIndex(Indexes.compoundIndex(Indexes.ascending("status"), Indexes.descending("at")));
        collection.createIndex(Indexes.ascending("n"));
        collection.createIndex(Indexes.compoundIndex(Indexes.ascending("mail.status"), Indexes.ascending("mail.nextAttemptAt")));
        collection.createIndex(Indexes.ascending("at"));
        collection.createIndex(Indexes.ascending("tags"));
        collection.createIndex(Indexes.ascending("recipient"));
    }

    private static final List<String> FIELDS = List.of("status", "n", "at", "mail.status", "mail.nextAttemptAt", "tags", "recipient", "x");

    private static String randomField(Random random) {
        return FIELDS.get(random.nextInt(FIELDS.size()));
    }

    private static Bson randomFilter(Random random) {
        Bson first = randomCondition(random);
        return switch (random.nextInt(4)) {
            case 0 -> Filters.and(first, randomCondition(random));
            case 1 -> new org.bson.Document("$and", List.of(randomCondition(random), first));
            default -> first;
        };
    }

    private static Bson randomCondition(Random random) {
        String field = randomField(random);
        Object value = randomValue(random);
        return switch (random.nextInt(12)) {
            case 0, 1, 2 -> Filters.eq(field, value);
            case 3 -> new org.bson.Document(field, new org.bson.Document("$eq", value));
            case 4 -> Filters.in(field, value, randomValue(random), randomValue(random));
            case 5 -> Filters.gt(field, value);
            case 6 -> Filters.gte(field, value);
            case 7 -> Filters.lt(field, value);
            case 8 -> Filters.lte(field, value);
            case 9 -> random.nextBoolean() ? Filters.and(Filters.gt(field, value), Filters.lt(field, randomValue(random)))
                    : new org.bson.Document(field, new org.bson.Document("$gt", value).append("$lt", randomValue(random)));
            case 10 -> Filters.ne(field, value);
            default -> random.nextBoolean() ? Filters.exists(field) : Filters.eq(field, null);
        };
    }

    private static Object randomValue(Random random) {
        return switch (random.nextInt(9)) {
            case 0 -> STATUSES.get(random.nextInt(STATUSES.size()));
            case 1 -> random.nextInt(6);
            case 2 -> (long) random.nextInt(6);
            case 3 -> random.nextInt(12) / 2.0;
            case 4 -> new Date(NOW.getTime() + (random.nextInt(10) - 5) * 3_600_000L);
            case 5 -> "person-" + random.nextInt(5);
            case 6 -> random.nextBoolean();
            case 7 -> "tag-" + random.nextInt(4);
            default -> STATUSES.get(random.nextInt(2));
        };
    }

    private static org.bson.Document randomDocument(Random random, int id) {
        org.bson.Document document = new org.bson.Document("_id", random.nextInt(8) == 0 ? (Object) id : "d-" + id);
        maybe(random, document, "status", () -> random.nextInt(6) == 0 ? List.of(randomValue(random), randomValue(random)) : randomValue(random));
        maybe(random, document, "n", () -> randomValue(random));
        maybe(random, document, "at", () -> random.nextInt(6) == 0 ? null : randomValue(random));
        maybe(random, document, "recipient", () -> "person-" + random.nextInt(5));
        maybe(random, document, "tags", () -> switch (random.nextInt(3)) {
            case 0 -> List.of(randomValue(random), randomValue(random));
            case 1 -> List.of(List.of(randomValue(random)), randomValue(random));
            default -> randomValue(random);
        });
        maybe(random, document, "mail", () -> {
            org.bson.Document mail = new org.bson.Document("status", randomValue(random)).append("nextAttemptAt", randomValue(random));
            return random.nextInt(4) == 0 ? List.of(mail, new org.bson.Document("status", randomValue(random))) : mail;
        });
        maybe(random, document, "x", () -> randomValue(random));
        return document;
    }

    private static void maybe(Random random, org.bson.Document document, String field, java.util.function.Supplier<Object> value) {
        if (random.nextInt(5) != 0) {
            document.append(field, value.get());
        }
    }

    private void openServed() {
        servedStore = EmbeddedMongoStore.openStore(data.resolve("served.mv.db"));
        CountingFileStore store = new CountingFileStore(servedStore, examined);
        lookedUp = store.lookedUp;
        streamed = store.streamed;
        served = mongo.views(store);
        servedIndex = mongo.opened() - 1;
    }

    private void reopenServed() {
        mongo.stop(servedIndex);
        servedStore.close();
        openServed();
    }
}
