package nl.meldspoor.engines.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store serves a query with an {@code _id} condition and more ({@code {_id, version}}, {@code {_id, mail.status}})
 * by the {@code _id} index, and answers it exactly as mongo-java-server's scan does: every operation here runs on the
 * file store and on mongo-java-server's own H2 backend (the scan) side by side, and both must give the same answer and end
 * with the same documents. The store under test counts the documents it matches a query against. Run on the file store
 * and on the in-memory store.
 */
abstract class IdServedQueriesTest {

    static final int DOCUMENTS = 2000;

    @TempDir
    Path data;

    final AtomicInteger examined = new AtomicInteger();
    private final LocalMongoClients mongo = new LocalMongoClients();
    private MongoCollection<org.bson.Document> served;
    private MongoCollection<org.bson.Document> scanned;

    @BeforeEach
    void fill() {
        served = mongo.views(servedBackend());
        scanned = mongo.views(scanningBackend());
        List<org.bson.Document> documents = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            documents.add(new org.bson.Document("_id", "case-" + i).append("version", (long) i % 10)
                    .append("mail", new org.bson.Document("status", i % 2 == 0 ? "PENDING" : "SENT")));
        }
        served.insertMany(documents);
        scanned.insertMany(documents);
        examined.set(0);
    }

    /** The store under test, counting in {@link #examined} the documents it matches a query against. */
    abstract MongoBackend servedBackend();

    /** mongo-java-server's own backend of the same kind: the scan, with the same natural order. */
    abstract MongoBackend scanningBackend();

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void aFindWithAnIdAndMoreIsServedByTheIndex() {
        assertSame(c -> c.find(Filters.and(Filters.eq("_id", "case-42"), Filters.eq("version", 2L))).into(new ArrayList<>()), 1);
        assertSame(c -> c.find(Filters.and(Filters.eq("_id", "case-42"), Filters.eq("version", 3L))).into(new ArrayList<>()), 1);
        assertSame(c -> c.find(Filters.and(Filters.eq("_id", "case-none"), Filters.eq("version", 3L))).into(new ArrayList<>()), 0);
        // {_id: {$eq: X}} also alone, which mongo-java-server scans
        assertSame(c -> c.find(new org.bson.Document("_id", new org.bson.Document("$eq", "case-7"))).into(new ArrayList<>()), 1);
        assertSame(c -> c.find(Filters.and(Filters.eq("_id", "case-8"), Filters.eq("mail.status", "PENDING"), Filters.lte("version", 8L)))
                .into(new ArrayList<>()), 1);
    }

    @Test
    void anInOfIdsWithMoreIsServedByTheIndexWithSortSkipAndLimit() {
        Bson ids = Filters.in("_id", "case-3", "case-4", "case-5", "case-none", "case-3");
        assertSame(c -> c.find(Filters.and(ids, Filters.eq("mail.status", "SENT"))).sort(Sorts.descending("_id")).into(new ArrayList<>()), 4);
        assertSame(c -> c.find(Filters.and(ids, Filters.gte("version", 4L))).sort(Sorts.ascending("version")).skip(1).limit(1)
                .into(new ArrayList<>()), 4);
        // countDocuments is an aggregation, which mongo-java-server runs over the whole collection: the same count, by a scan
        assertSame(c -> c.countDocuments(Filters.and(ids, Filters.ne("version", 4L))), DOCUMENTS);
        assertSame(c -> c.find(Filters.and(Filters.in("_id"), Filters.eq("version", 1L))).into(new ArrayList<>()), 0);
        // the index's equality is the matcher's: numbers by value across types, never a number for a string
        assertSame(c -> c.insertMany(List.of(new org.bson.Document("_id", 7).append("version", 1L), new org.bson.Document("_id", "7").append("version", 1L),
                new org.bson.Document("_id", 8.5).append("version", 2L))).getInsertedIds().size(), DOCUMENTS);
        assertSame(c -> c.find(Filters.in("_id", 7L, 8.5, 9)).into(new ArrayList<>()), 2);
        assertSame(c -> c.find(Filters.and(Filters.in("_id", 7.0, "8.5"), Filters.eq("version", 1L))).into(new ArrayList<>()), 1);
        assertSame(c -> c.find(new org.bson.Document("_id", new org.bson.Document("$eq", 7.0)).append("version", 1L)).into(new ArrayList<>()), 1);
    }

    @Test
    void aVersionGuardedUpdateAppliesOnlyOverTheVersionItNames() {
        // optimistic concurrency: another writer's version must not be overwritten
        assertSame(c -> c.updateOne(Filters.and(Filters.eq("_id", "case-15"), Filters.eq("version", 4L)), Updates.set("version", 6L)).getMatchedCount(), 1);
        assertSame(c -> c.find(Filters.eq("_id", "case-15")).first(), 1);
        assertSame(c -> c.updateOne(Filters.and(Filters.eq("_id", "case-15"), Filters.eq("version", 5L)), Updates.set("version", 6L)).getModifiedCount(), 1);
        assertSame(c -> c.replaceOne(Filters.and(Filters.eq("_id", "case-15"), Filters.eq("version", 5L)),
                new org.bson.Document("version", 9L)).getMatchedCount(), 1);
        assertSame(c -> c.replaceOne(Filters.and(Filters.eq("_id", "case-15"), Filters.eq("version", 6L)),
                new org.bson.Document("version", 7L)).getModifiedCount(), 1);
        assertSame(c -> c.find(Filters.eq("_id", "case-15")).first(), 1);
        assertSame(c -> c.updateMany(Filters.and(Filters.in("_id", "case-20", "case-21", "case-22"), Filters.eq("mail.status", "PENDING")),
                Updates.set("mail.status", "SENT")).getModifiedCount(), 3);
        assertSame(c -> c.findOneAndUpdate(Filters.and(Filters.eq("_id", "case-24"), Filters.eq("mail.status", "PENDING")),
                Updates.set("mail.status", "CLAIMED"), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)), 1);
        assertSame(c -> c.findOneAndUpdate(Filters.and(Filters.eq("_id", "case-24"), Filters.eq("mail.status", "PENDING")),
                Updates.set("mail.status", "CLAIMED")), 1);
        assertSame(c -> c.deleteOne(Filters.and(Filters.eq("_id", "case-30"), Filters.eq("version", 1L))).getDeletedCount(), 1);
        assertSame(c -> c.deleteOne(Filters.and(Filters.eq("_id", "case-30"), Filters.eq("version", 0L))).getDeletedCount(), 1);
        assertSameDocuments();
    }

    @Test
    void anUpsertWithAnIdAndMoreInsertsOnlyWhatIsMissing() {
        UpdateOptions upsert = new UpdateOptions().upsert(true);
        assertSame(c -> String.valueOf(c.updateOne(Filters.and(Filters.eq("_id", "case-new"), Filters.eq("version", 0L)),
                Updates.set("mail.status", "PENDING"), upsert).getUpsertedId()), 1);
        assertSame(c -> c.updateOne(Filters.and(Filters.eq("_id", "case-new"), Filters.eq("version", 0L)),
                Updates.set("mail.status", "SENT"), upsert).getModifiedCount(), 1);
        // the id is there with another version: the upsert's insert is a duplicate, as on MongoDB
        assertSame(c -> catchThrowableOfType(MongoWriteException.class, () -> c.updateOne(Filters.and(Filters.eq("_id", "case-50"),
                Filters.eq("version", 1L)), Updates.set("mail.status", "SENT"), upsert)).getCode(), 1);
        assertSameDocuments();
    }

    @Test
    void queriesWithoutAPlainIdConditionAreLeftToMongoJavaServer() {
        // no narrowing where the index would not find exactly what the matcher matches: these scan, with the same results
        assertSame(c -> c.find(Filters.and(Filters.regex("_id", "^case-19"), Filters.eq("version", 9L))).into(new ArrayList<>()), DOCUMENTS);
        assertSame(c -> c.find(Filters.and(Filters.eq("_id", null), Filters.eq("version", 9L))).into(new ArrayList<>()), DOCUMENTS);
        assertSame(c -> c.find(Filters.and(Filters.gte("_id", "case-1998"), Filters.eq("version", 9L))).into(new ArrayList<>()), DOCUMENTS);
        assertSame(c -> c.find(Filters.eq("version", 9L)).into(new ArrayList<>()).size(), DOCUMENTS);
    }

    /**
     * An {@code $in} of string ids, in any order, with ids twice and ids of no document: every document once, in the
     * order of the ids (the order mongo-java-server's own index look-up gives), without matching the others.
     */
    @Test
    void anInOfManyStringIdsFindsEachDocumentOnceInTheOrderOfTheIds() {
        List<Object> ids = new ArrayList<>();
        for (int i = DOCUMENTS + 50; i >= 0; i -= 3) {
            ids.add("case-" + i);
            ids.add("case-" + (i / 2));
        }
        List<org.bson.Document> inIdOrder = scanned.find(Filters.in("_id", ids)).sort(Sorts.ascending("_id")).into(new ArrayList<>());
        assertThat(inIdOrder).hasSizeGreaterThan(DOCUMENTS / 3);

        examined.set(0);
        assertThat(served.find(Filters.in("_id", ids)).into(new ArrayList<>())).isEqualTo(inIdOrder);
        assertThat(examined.get()).as("documents the store matched the query against").isLessThanOrEqualTo(inIdOrder.size());
        assertThat(served.find(Filters.and(Filters.in("_id", ids), Filters.eq("mail.status", "SENT"))).into(new ArrayList<>()))
                .isEqualTo(inIdOrder.stream().filter(document -> document.get("mail", org.bson.Document.class).get("status").equals("SENT")).toList());
    }

    /**
     * A query that meets its collection being dropped (a read model's old generation, dropped at a switch while a reader
     * still asks it) answers as MongoDB does: with the documents it held or with none, never with an error. The
     * collection's index list changed under such a query ({@code ConcurrentModificationException}, "Unknown error").
     */
    @Test
    void aQueryMeetingItsCollectionDroppedAnswersWithoutAnError() throws Exception {
        List<org.bson.Document> generation = served.find(Filters.in("_id", "case-1", "case-2", "case-3")).into(new ArrayList<>());
        served.drop();
        served.insertMany(generation);
        AtomicBoolean dropping = new AtomicBoolean(true);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        ExecutorService readers = Executors.newFixedThreadPool(2);
        try {
            for (int reader = 0; reader < 2; reader++) {
                readers.submit(() -> {
                    while (dropping.get()) {
                        try {
                            assertThat(served.find(Filters.and(Filters.eq("_id", "case-2"), Filters.eq("version", 2L))).into(new ArrayList<>()))
                                    .isSubsetOf(generation);
                            assertThat(served.countDocuments(Filters.eq("mail.status", "PENDING"))).isBetween(0L, 1L);
                            // all of the generation or none of it, never part (the three are inserted in one command)
                            assertThat(served.countDocuments(Filters.in("_id", "case-1", "case-2", "case-3"))).isIn(0L, 3L);
                        } catch (Throwable failure) {
                            failures.add(failure);
                        }
                    }
                });
            }
            for (int cycle = 0; cycle < 300 && failures.isEmpty(); cycle++) {
                served.drop();
                served.insertMany(generation);
                served.createIndex(Indexes.ascending("mail.status"));
                served.createIndex(Indexes.ascending("version"));
            }
        } finally {
            dropping.set(false);
            readers.shutdown();
            assertThat(readers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(failures).isEmpty();
    }

    /** The same operation on both stores gives the same answer, and the file store matched at most that many documents. */
    private <T> void assertSame(Function<MongoCollection<org.bson.Document>, T> operation, int mostExamined) {
        T expected = operation.apply(scanned);
        examined.set(0);
        T actual = operation.apply(served);
        assertThat(actual).isEqualTo(expected);
        assertThat(examined.get()).as("documents the file store matched the query against").isLessThanOrEqualTo(mostExamined);
    }

    private void assertSameDocuments() {
        assertThat(served.find().sort(Sorts.ascending("_id")).into(new ArrayList<>()))
                .isEqualTo(scanned.find().sort(Sorts.ascending("_id")).into(new ArrayList<>()));
    }
}
