package nl.meldspoor.engines.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.AbstractMongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file store's {@code _id} index answers an update's question for the position of the stored document with that
 * document's own {@code _id}, without searching its tree again: each update still lands on its one document, whatever
 * kind of value its {@code _id} is. A string or an object id is found in the data map and not kept in the index, which
 * still refuses every duplicate and finds every {@code _id} (by equality, {@code $in} and pattern), also in a file whose
 * index an earlier version filled with every {@code _id}.
 */
class IdIndexTest {

    @TempDir
    Path data;

    @Test
    void aStoredDocumentsPositionIsItsOwnIdWithoutASearch() {
        Searched unique = new Searched();
        IdIndex index = new IdIndex(unique, false, Map.of());

        assertThat(index.getPosition(new Document("_id", "case-1").append("version", 3L))).isEqualTo("case-1");
        ObjectId generated = new ObjectId();
        assertThat(index.getPosition(new Document("_id", generated))).isSameAs(generated);
        assertThat(unique.searches).isZero();

        // an embedded document is copied with the document it is the _id of, a number may be another kind of number than
        // the map's key, and null is kept under a marker of its own in the data map: each is looked up
        assertThat(index.getPosition(new Document("_id", new Document("school", "school-a").append("month", 3)))).isEqualTo(Searched.POSITION);
        assertThat(index.getPosition(new Document("_id", 7L))).isEqualTo(Searched.POSITION);
        assertThat(index.getPosition(new Document("_id", 8))).isEqualTo(Searched.POSITION);
        assertThat(index.getPosition(new Document("_id", null))).isEqualTo(Searched.POSITION);
        assertThat(unique.searches).isEqualTo(4);
        assertThat(index.isUnique()).isTrue();
        assertThat(IdIndex.isIdIndex(unique)).isTrue();
    }

    @Test
    void everyUpdateLandsOnItsOneDocumentAlsoAfterTheStoreIsOpenedAgain() throws Exception {
        Path file = data.resolve("updated.mv.db");
        List<Object> ids = new ArrayList<>(List.of("case-1", 7L, 8, 7.5, new org.bson.Document("school", "school-a").append("month", 3),
                new org.bson.types.ObjectId()));
        ids.add(null);
        on(EmbeddedMongoStore.server(file), views -> {
            ids.forEach(id -> views.insertOne(new org.bson.Document("_id", id).append("count", 0).append("text", "eerst")));
            for (int round = 1; round <= 3; round++) {
                for (Object id : ids) {
                    views.updateOne(Filters.eq("_id", id), Updates.inc("count", 1));
                    views.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("count", round)), Updates.set("text", "ronde " + round));
                }
            }
            for (Object id : ids) {
                views.findOneAndUpdate(Filters.eq("_id", id), Updates.inc("count", 1));
                views.findOneAndReplace(Filters.eq("_id", id), new org.bson.Document("count", 29).append("text", "bijna"));
                // the same _id as another kind of number: mongo-java-server takes it as the same value and stores it
                views.replaceOne(Filters.eq("_id", id), new org.bson.Document("_id", otherKindOfNumber(id)).append("count", 29).append("text", "bijna"));
            }
            allUpdatedOnce(views, ids, 29, "bijna");
        });
        on(EmbeddedMongoStore.server(file), views -> {
            ids.forEach(id -> views.updateOne(Filters.eq("_id", id), Updates.inc("count", 1)));
            ids.forEach(id -> views.replaceOne(Filters.eq("_id", id), new org.bson.Document("count", 30).append("text", "vervangen")));
            allUpdatedOnce(views, ids, 30, "vervangen");
        });
        on(EmbeddedMongoStore.server(file), views -> allUpdatedOnce(views, ids, 30, "vervangen"));
    }

    @Test
    void theStoresIdIndexesKnowTheirPositionsAlsoWhenReopened() throws Exception {
        Path file = data.resolve("opened.mv.db");
        H2Backend created = EmbeddedMongoStore.backend(file);
        on(new EmbeddedMongoServer(created), views -> {
            views.insertOne(new org.bson.Document("_id", "case-1"));
            assertThat(idIndexOf(created)).isInstanceOf(IdIndex.class);
        });
        H2Backend reopened = EmbeddedMongoStore.backend(file);
        on(new EmbeddedMongoServer(reopened), views -> {
            assertThat(views.countDocuments()).isEqualTo(1);
            assertThat(idIndexOf(reopened)).isInstanceOf(IdIndex.class);
        });
    }

    @Test
    void stringAndObjectIdsAreTheDataMapsKeysAndNotKeptInTheIndexWhichStillGuardsAndFindsEveryId() throws Exception {
        Path file = data.resolve("kept.mv.db");
        org.bson.types.ObjectId generated = new org.bson.types.ObjectId();
        List<Object> kept = List.of("case-1", "case-2", "case-10", "signal-1", generated);
        List<Object> others = List.of(7L, 8.5, new org.bson.Document("school", "school-a").append("month", 3));
        on(EmbeddedMongoStore.server(file), views -> {
            kept.forEach(id -> views.insertOne(new org.bson.Document("_id", id).append("count", 0)));
            others.forEach(id -> views.insertOne(new org.bson.Document("_id", id).append("count", 0)));
        });
        assertThat(idIndexEntries(file)).as("only the other kinds of _id in the index").isEqualTo(others.size());

        on(EmbeddedMongoStore.server(file), views -> {
            for (Object id : concat(kept, others)) {
                assertThat(views.find(Filters.eq("_id", id)).first()).as("found by its _id: %s", id).isNotNull();
                assertThatThrownBy(() -> views.insertOne(new org.bson.Document("_id", id))).as("a duplicate of %s", id)
                        .isInstanceOfSatisfying(MongoWriteException.class,
                                refused -> assertThat(refused.getError().getCode()).isEqualTo(11000));
            }
            assertThat(views.countDocuments()).isEqualTo(kept.size() + others.size());
            assertThat(ids(views.find(Filters.in("_id", "case-2", 7L, "case-3", generated, "case-1", 9L))))
                    .containsExactlyInAnyOrder("case-1", "case-2", 7L, generated);
            assertThat(ids(views.find(Filters.regex("_id", "^case-1")))).as("a pattern scans, as the index holds no strings")
                    .containsExactlyInAnyOrder("case-1", "case-10");
            views.updateOne(Filters.and(Filters.eq("_id", "case-2"), Filters.eq("count", 0)), Updates.inc("count", 1));
            assertThat(views.find(Filters.eq("_id", "case-2")).first().getInteger("count")).isEqualTo(1);
            assertThat(views.deleteOne(Filters.eq("_id", "case-1")).getDeletedCount()).isEqualTo(1);
            assertThat(views.find(Filters.eq("_id", "case-1")).first()).isNull();
            views.insertOne(new org.bson.Document("_id", "case-1").append("count", 5));
        });
        on(EmbeddedMongoStore.server(file), views -> {
            assertThat(views.find(Filters.eq("_id", "case-1")).first().getInteger("count")).as("inserted again after its removal")
                    .isEqualTo(5);
            assertThat(views.countDocuments()).isEqualTo(kept.size() + others.size());
        });
    }

    @Test
    void aFileWhoseIndexHoldsEveryIdHasItsStringIdsRemovedAndAddedAgain() throws Exception {
        Path file = data.resolve("earlier.mv.db");
        // mongo-java-server's own store keeps every _id in the index, as this store did before the data map served them
        on(new MongoServer(new H2Backend(MVStore.open(file.toString()))), views -> {
            for (int i = 0; i < 50; i++) {
                views.insertOne(new org.bson.Document("_id", "case-" + i).append("count", 0));
            }
        });
        on(EmbeddedMongoStore.server(file), views -> {
            assertThat(views.deleteMany(Filters.in("_id", "case-1", "case-2")).getDeletedCount()).isEqualTo(2);
            views.insertOne(new org.bson.Document("_id", "case-1").append("count", 1));
            assertThatThrownBy(() -> views.insertOne(new org.bson.Document("_id", "case-3"))).isInstanceOf(MongoWriteException.class);
        });
        assertThat(idIndexEntries(file)).as("the removed documents' entries gone").isEqualTo(48);
        on(EmbeddedMongoStore.server(file), views -> {
            assertThat(views.countDocuments()).isEqualTo(49);
            assertThat(views.find(Filters.eq("_id", "case-1")).first().getInteger("count")).isEqualTo(1);
            assertThat(views.find(Filters.eq("_id", "case-2")).first()).isNull();
        });
    }

    /** The entries of the {@code _id} index's own map in the closed store's file. */
    private static long idIndexEntries(Path file) {
        MVStore store = MVStore.open(file.toString());
        try {
            String name = store.getMapNames().stream().filter(map -> map.endsWith("._index__id_")).findFirst().orElseThrow();
            return store.openMap(name).sizeAsLong();
        } finally {
            store.close();
        }
    }

    private static List<Object> concat(List<Object> one, List<Object> other) {
        List<Object> both = new ArrayList<>(one);
        both.addAll(other);
        return both;
    }

    private static List<Object> ids(FindIterable<org.bson.Document> found) {
        return found.map(document -> document.get("_id")).into(new ArrayList<>());
    }

    private static Index<?> idIndexOf(H2Backend backend) {
        AbstractMongoCollection<?> views = (AbstractMongoCollection<?>) backend.resolveDatabase("test").resolveCollection("views", true);
        return views.getIndexes().stream().filter(IdIndex::isIdIndex).findFirst().orElseThrow();
    }

    private static Object otherKindOfNumber(Object id) {
        return id instanceof Long number ? Integer.valueOf(number.intValue()) : id instanceof Integer number ? Long.valueOf(number) : id;
    }

    private static void allUpdatedOnce(MongoCollection<org.bson.Document> views, List<Object> ids, int count, String text) {
        assertThat(views.find().map(org.bson.Document::toJson).into(new ArrayList<>())).as("no document written beside its stored one").hasSize(ids.size());
        for (Object id : ids) {
            org.bson.Document found = views.find(Filters.eq("_id", id)).first();
            assertThat(found).as("found by its _id: %s", id).isNotNull();
            assertThat(found.getInteger("count")).as("%s", id).isEqualTo(count);
            assertThat(found.getString("text")).as("%s", id).isEqualTo(text);
        }
    }

    private static void on(MongoServer server, Consumer<MongoCollection<org.bson.Document>> work) {
        server.bind("localhost", 0);
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + server.getLocalAddress().getPort())) {
            work.accept(client.getDatabase("test").getCollection("views"));
        } finally {
            server.shutdownNow();
        }
    }

    /** A unique {@code _id} index that counts its searches for a document's position. */
    private static final class Searched extends Index<Object> {

        static final String POSITION = "searched";
        int searches;

        Searched() {
            super("_id_", List.of(new IndexKey("_id", true)), false);
        }

        @Override
        public Object getPosition(Document document) {
            searches++;
            return POSITION;
        }

        @Override
        public void checkAdd(Document document, de.bwaldvogel.mongo.MongoCollection<Object> collection) {
        }

        @Override
        public void add(Document document, Object position, de.bwaldvogel.mongo.MongoCollection<Object> collection) {
        }

        @Override
        public Object remove(Document document) {
            return null;
        }

        @Override
        public boolean canHandle(Document query) {
            return false;
        }

        @Override
        public Iterable<Object> getPositions(Document query) {
            return List.of();
        }

        @Override
        public long getCount() {
            return 0;
        }

        @Override
        public long getDataSize() {
            return 0;
        }

        @Override
        public void checkUpdate(Document oldDocument, Document newDocument, de.bwaldvogel.mongo.MongoCollection<Object> collection) {
        }

        @Override
        public void updateInPlace(Document oldDocument, Document newDocument, Object position, de.bwaldvogel.mongo.MongoCollection<Object> collection) {
        }

        @Override
        public void drop() {
        }

        @Override
        public boolean isUnique() {
            return true;
        }
    }
}
