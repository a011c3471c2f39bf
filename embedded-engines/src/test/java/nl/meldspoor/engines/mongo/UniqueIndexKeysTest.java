package nl.meldspoor.engines.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2UniqueIndex;
import de.bwaldvogel.mongo.bson.Document;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file store's unique indexes remember their keys' serialized bytes instead of serializing both keys at every
 * comparison: the same order as H2's own key type, so a file written by either is read by the other, its indexes
 * finding every key and refusing every duplicate.
 */
class UniqueIndexKeysTest {

    @TempDir
    Path data;

    private final Random random = new Random(14);

    @Test
    void keysCompareAsH2ComparesThem() {
        ObjectDataType h2 = new ObjectDataType();
        RememberedKeyBytes remembered = new RememberedKeyBytes();
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            keys.add(aKey());
        }
        for (KeyValue one : keys) {
            for (KeyValue other : keys) {
                // a fresh copy each time, as a search brings a new key object: equal keys, not the same one
                KeyValue copy = new KeyValue(other.stream().toList());
                assertThat(Integer.signum(remembered.compare(one, copy))).as("%s vs %s", one, other)
                        .isEqualTo(Integer.signum(h2.compare(one, copy)));
            }
        }
    }

    @Test
    void aFileMongoJavaServersOwnStoreWroteIsReadAndExtendedByThisOne() throws Exception {
        Path file = data.resolve("store.mv.db");
        List<Object> ids = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            ids.add(switch (i % 4) {
                case 0, 1 -> "case-" + random.nextInt(1_000_000) + "-" + i;
                case 2 -> (long) i * 7919;
                default -> new org.bson.Document("school", "school-" + i).append("month", i % 12);
            });
        }
        // the keys are H2's own; the documents this store writes are BSON (BsonDocumentValues), which mongo-java-server's
        // own store does not read, so the file goes one way. That store writes without its background writer (everything
        // is stored when it closes): H2's unguarded key type, comparing these mixed kinds of _id while the writer
        // serialized a page, failed now and then with "Can not compare" (what LockedObjectDataType guards in this store)
        on(new MongoServer(new H2Backend(new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open())),
                collection -> inserted(collection, ids.subList(0, 1_000)));
        on(EmbeddedMongoStore.server(file), collection -> {
            allFoundAndDuplicatesRefused(collection, ids.subList(0, 1_000));
            return inserted(collection, ids.subList(1_000, 1_500));
        });
        on(EmbeddedMongoStore.server(file), collection -> allFoundAndDuplicatesRefused(collection, ids));
    }

    @Test
    void theUniqueIndexesAreOpenedOnTheRememberingKeyType() throws Exception {
        assertThat(H2UniqueIndex.class.getDeclaredConstructors()).as("mongo-java-server still has the constructor this store reaches")
                .anySatisfy(constructor -> assertThat(constructor.getParameterCount()).isEqualTo(4));
        on(EmbeddedMongoStore.server(data.resolve("opened.mv.db")), collection -> inserted(collection, List.of("case-1")));
        MVStore store = MVStore.open(data.resolve("opened.mv.db").toString());
        assertThat(store.getMapNames()).anyMatch(name -> name.endsWith("._index__id_"));
        store.close();
    }

    private KeyValue aKey() {
        return switch (random.nextInt(5)) {
            case 0 -> new KeyValue("case-" + random.nextInt(50));
            case 1 -> new KeyValue((long) random.nextInt(50));
            case 2 -> new KeyValue(random.nextInt(50));
            case 3 -> new KeyValue(random.nextInt(50) / 4.0, "school-" + random.nextInt(3));
            default -> new KeyValue(new Document("school", "school-" + random.nextInt(3)).append("month", random.nextInt(3)));
        };
    }

    private static Void inserted(MongoCollection<org.bson.Document> collection, List<Object> ids) {
        for (Object id : ids) {
            collection.insertOne(new org.bson.Document("_id", id).append("version", 1L));
        }
        return null;
    }

    private static Void allFoundAndDuplicatesRefused(MongoCollection<org.bson.Document> collection, List<Object> ids) {
        for (Object id : ids) {
            Bson byId = new org.bson.Document("_id", id);
            assertThat(collection.find(byId).first()).as("found by its _id: %s", id).isNotNull();
            assertThatThrownBy(() -> collection.insertOne(new org.bson.Document("_id", id))).as("a duplicate of %s", id)
                    .isInstanceOf(MongoWriteException.class);
        }
        assertThat(collection.countDocuments()).isEqualTo(ids.size());
        return null;
    }

    private static <T> T on(MongoServer server, Function<MongoCollection<org.bson.Document>, T> work) {
        server.bind("localhost", 0);
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + server.getLocalAddress().getPort())) {
            return work.apply(client.getDatabase("test").getCollection("views"));
        } finally {
            server.shutdownNow();
        }
    }
}
