package nl.meldspoor.engines.mongo;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's documents as BSON: the same document back, what BSON would change kept as before, old files still read. */
class BsonDocumentValuesTest {

    @TempDir
    Path data;

    private final BsonDocumentValues values = new BsonDocumentValues();

    @Test
    void aDocumentOfEveryKindTheWireDecoderMakesIsWrittenAsBsonAndReadBackEqualValueForValue() {
        Document view = new Document("_id", "case-1")
                .append("text", "enc:v1:school-a:abc").append("count", 3).append("version", 12L).append("score", 0.5).append("open", true)
                .append("openedAt", Instant.ofEpochMilli(1_764_000_000_123L)).append("objectId", new ObjectId()).append("nothing", null)
                .append("amount", Decimal128.fromNumber(new java.math.BigDecimal("12.50"))).append("bytes", new BinData(new byte[]{1, 2, 3}))
                .append("steps", new ArrayList<>(List.of(new Document("step", 1).append("at", Instant.ofEpochMilli(1_764_000_000_000L)), "twee")));

        ByteBuffer written = written(view);

        assertThat(written.get(0)).as("tagged as BSON").isEqualTo(BsonDocumentValues.BSON);
        Object read = values.read(written);
        assertThat(read).isEqualTo(view);
        assertThat(written.remaining()).as("the whole value read, nothing more").isZero();
        Document readView = (Document) read;
        for (String field : view.keySet()) {
            Object value = view.get(field);
            assertThat(readView.get(field)).as(field).isEqualTo(value);
            if (value != null) {
                assertThat(readView.get(field)).as(field).hasSameClassAs(value);
            }
        }
    }

    @Test
    void aDocumentHoldingAValueBsonWouldGiveBackDifferentlyIsWrittenAsBeforeAndReadBackTheSame() {
        List<Document> kept = List.of(
                new Document("_id", "a").append("at", Instant.ofEpochSecond(1_764_000_000L, 123_456)),
                new Document("_id", "b").append("pupil", UUID.randomUUID()),
                new Document("_id", "c").append("set", new LinkedHashSet<>(List.of("x", "y"))),
                new Document("_id", "d").append("nested", new Document("list", List.of(1, 2))));
        for (Document document : kept) {
            ByteBuffer written = written(document);

            assertThat(written.get(0)).as("%s", document).isNotEqualTo(BsonDocumentValues.BSON);
            assertThat(values.read(written)).isEqualTo(document);
        }
    }

    @Test
    void aDocumentCountsInThePageCacheAtLeastItsLengthAlsoWhenItsMapWasOnlyReadSinceTheStoreOpened() {
        Document large = new Document("_id", "case-1").append("dossier", "x".repeat(100_000));
        List<ByteBuffer> stored = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            stored.add(written(large));
        }
        int length = stored.get(0).remaining();

        BsonDocumentValues afterARestart = new BsonDocumentValues();
        stored.forEach(afterARestart::read);

        assertThat(afterARestart.getMemory(large)).as("what H2's page cache counts for it").isGreaterThanOrEqualTo(length);
        assertThat(values.getMemory(large)).as("counted by the map that wrote it").isGreaterThanOrEqualTo(length);
    }

    @Test
    void valuesH2WroteBeforeAreReadAsH2ReadsThem() {
        Document before = new Document("_id", "case-1").append("count", 3).append("at", Instant.ofEpochMilli(1_764_000_000_123L));
        WriteBuffer buffer = new WriteBuffer();
        new ObjectDataType().write(buffer, before);

        assertThat(values.read(buffer.getBuffer().flip())).isEqualTo(before);
    }

    @Test
    void theStoresDataMapsHoldBsonAndAFileMongoJavaServersOwnStoreWroteIsStillReadAndUpdated() throws Exception {
        Path file = data.resolve("store.mv.db");
        try (LocalMongoClients clients = new LocalMongoClients()) {
            MongoCollection<org.bson.Document> written = clients.views(new H2Backend(MVStore.open(file.toString())));
            written.insertOne(new org.bson.Document("_id", "case-1").append("count", 1).append("text", "eerst"));
        }
        try (LocalMongoClients clients = new LocalMongoClients()) {
            MongoCollection<org.bson.Document> reopened = clients.views(EmbeddedMongoStore.backend(file));
            assertThat(reopened.find(Filters.eq("_id", "case-1")).first()).containsEntry("count", 1).containsEntry("text", "eerst");
            reopened.updateOne(Filters.eq("_id", "case-1"), Updates.inc("count", 1));
            reopened.insertOne(new org.bson.Document("_id", "case-2").append("count", 7));
        }
        try (LocalMongoClients clients = new LocalMongoClients()) {
            MongoCollection<org.bson.Document> again = clients.views(EmbeddedMongoStore.backend(file));
            assertThat(again.find(Filters.eq("_id", "case-1")).first()).containsEntry("count", 2).containsEntry("text", "eerst");
            assertThat(again.find(Filters.eq("_id", "case-2")).first()).containsEntry("count", 7);
        }
        MVStore store = MVStore.open(file.toString());
        try {
            MVMap<Object, Object> raw = store.openMap(EmbeddedMongoStore.ScanSafeH2Backend.DATA_PREFIX + "test.views",
                    new MVMap.Builder<Object, Object>().valueType(new TagOnly()));
            assertThat(raw.values()).as("both documents, the first rewritten as BSON by its update").hasSize(2).containsOnly(BsonDocumentValues.BSON);
        } finally {
            store.close();
        }
    }

    private ByteBuffer written(Object value) {
        WriteBuffer buffer = new WriteBuffer();
        values.write(buffer, value);
        return buffer.getBuffer().flip();
    }

    /** Reads only the tag of each stored value: what the data map holds, not what H2 makes of it. */
    private static final class TagOnly extends org.h2.mvstore.type.BasicDataType<Object> {
        private final BsonDocumentValues values = new BsonDocumentValues();

        @Override
        public int getMemory(Object value) {
            return 16;
        }

        @Override
        public void write(WriteBuffer buffer, Object value) {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public Object read(ByteBuffer buffer) {
            byte tag = buffer.get(buffer.position());
            values.read(buffer);
            return tag;
        }

        @Override
        public Object[] createStorage(int size) {
            return new Object[size];
        }
    }
}
