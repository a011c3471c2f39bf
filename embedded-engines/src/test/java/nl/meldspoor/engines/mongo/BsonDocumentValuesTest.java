package nl.meldspoor.engines.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file store writes documents as BSON where that gives them back as they were, and reads what H2's own type wrote
 * — a store of an earlier version, or of mongo-java-server's own backend — as before.
 */
class BsonDocumentValuesTest {

    @TempDir
    Path data;

    @Test
    void aDocumentOfEveryKindBsonKeepsIsWrittenAsBsonAndReadBackEqualOfTheSameClasses() {
        Document document = everyKind();

        ByteBuffer written = written(new BsonDocumentValues(), document);

        assertThat(written.get(0)).isEqualTo(BsonDocumentValues.BSON);
        Object read = new BsonDocumentValues().read(written);
        assertThat(read).isEqualTo(document);
        assertSameClasses(read, document);
        assertThat(written.remaining()).as("the value read to its end").isZero();
    }

    @Test
    void bsonIsSmallerThanJavaSerialization() {
        Document document = everyKind();

        assertThat(written(new BsonDocumentValues(), document).limit()).isLessThan(written(new ObjectDataType(), document).limit());
    }

    @Test
    void whatBsonWouldChangeIsWrittenByH2AsBefore() {
        List<Document> changedByBson = List.of(
                new Document("at", Instant.parse("2026-12-06T10:15:30.123456789Z")),
                new Document("kinds", new HashSet<>(Set.of("a", "b"))),
                new Document("steps", List.of(1, 2)),
                new Document("steps", Arrays.asList(1, 2)),
                new Document("nested", new Document("key\0with a nul", 1)),
                new Document("map", new java.util.LinkedHashMap<>(Map.of("a", 1))),
                new Document("char", 'x'),
                new Document("decimal", new Decimal128(3L, 0x3040000000000000L)),
                new Document("text", "a lone surrogate \uD83C here"),
                new Document("nested", new ArrayList<>(List.of(new Document("in", new java.util.Date(0))))));
        for (Document document : changedByBson) {
            ByteBuffer written = written(new BsonDocumentValues(), document);

            assertThat(written.get(0)).as("%s", document).isNotEqualTo(BsonDocumentValues.BSON);
            Object read = new BsonDocumentValues().read(written);
            assertThat(read).isEqualTo(document);
            assertSameClasses(read, document);
        }
    }

    @Test
    void aValueH2sOwnTypeWroteIsReadAsBefore() {
        Document document = everyKind();

        Object read = new BsonDocumentValues().read(written(new ObjectDataType(), document));

        assertThat(read).isEqualTo(document);
        assertSameClasses(read, document);
    }

    @Test
    void aStoreWrittenByMongoJavaServersOwnBackendIsReadAndWrittenOnAndItsNewDocumentsAreBson() throws Exception {
        Path file = data.resolve("store.mv.db");
        try (LocalMongoClients clients = new LocalMongoClients()) {
            MongoCollection<org.bson.Document> views = clients.views(new H2Backend(file.toString()));
            views.insertOne(new org.bson.Document("_id", "case-1").append("step", 2).append("signals", List.of("s-1", "s-2")));
            views.insertOne(new org.bson.Document("_id", "case-2").append("step", 1));
        }
        try (LocalMongoClients clients = new LocalMongoClients()) {
            MongoCollection<org.bson.Document> views = clients.views(EmbeddedMongoStore.backend(file));
            assertThat(views.find(Filters.eq("_id", "case-1")).first()).isEqualTo(
                    new org.bson.Document("_id", "case-1").append("step", 2).append("signals", List.of("s-1", "s-2")));
            views.updateOne(Filters.eq("_id", "case-2"), Updates.set("step", 3));
            views.insertOne(new org.bson.Document("_id", "case-3").append("step", 5));
        }
        try (LocalMongoClients clients = new LocalMongoClients()) {
            MongoCollection<org.bson.Document> views = clients.views(EmbeddedMongoStore.backend(file));
            assertThat(views.find().into(new ArrayList<>())).containsExactly(
                    new org.bson.Document("_id", "case-1").append("step", 2).append("signals", List.of("s-1", "s-2")),
                    new org.bson.Document("_id", "case-2").append("step", 3),
                    new org.bson.Document("_id", "case-3").append("step", 5));
        }
        MVStore store = EmbeddedMongoStore.openStore(file);
        try {
            MVMap<Object, Object> asH2ReadsIt = store.openMap(EmbeddedMongoStore.ScanSafeH2Backend.DATA_PREFIX + "test.views",
                    new MVMap.Builder<>().keyType(new LockedObjectDataType()).valueType(new ObjectDataType()));
            assertThatThrownBy(() -> asH2ReadsIt.get("case-3")).as("written as BSON, which H2's own type does not read")
                    .hasStackTraceContaining("Unknown tag 120");
        } finally {
            store.closeImmediately();
        }
    }

    private static Document everyKind() {
        ArrayList<Object> mixed = new ArrayList<>(Arrays.asList("text", 7, 7L, 7.5, true, null, new Document("in", "a list")));
        return new Document("_id", "school-3|2027-03")
                .append("count", 12)
                .append("sequence", 1_234_567_890_123L)
                .append("days", 0.5)
                .append("notANumber", Double.NaN)
                .append("closed", false)
                .append("nothing", null)
                .append("at", Instant.parse("2027-03-14T09:26:53.589Z"))
                .append("objectId", new ObjectId())
                .append("bytes", new BinData(new byte[] {0, 1, 2, -1}))
                .append("text", "één ü 🏫")
                .append("mixed", mixed)
                .append("nested", new Document("totals", new Document("opened", 3).append("reports", 1)).append("empty", new Document()))
                .append("emptyList", new ArrayList<>());
    }

    private static ByteBuffer written(ObjectDataType type, Object value) {
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, value);
        ByteBuffer written = buffer.getBuffer();
        written.flip();
        return written;
    }

    private static void assertSameClasses(Object read, Object written) {
        if (written == null) {
            assertThat(read).isNull();
            return;
        }
        assertThat(read).isNotNull();
        assertThat(read.getClass()).as("%s", written).isEqualTo(written.getClass());
        if (written instanceof Map<?, ?> map) {
            map.forEach((key, value) -> assertSameClasses(((Map<?, ?>) read).get(key), value));
        } else if (written instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                assertSameClasses(((List<?>) read).get(i), list.get(i));
            }
        }
    }
}
