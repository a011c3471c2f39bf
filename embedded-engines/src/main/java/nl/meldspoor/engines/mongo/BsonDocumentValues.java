package nl.meldspoor.engines.mongo;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The value type of the file store's collections: a document is written as BSON, the form it came in over the wire,
 * where H2's {@link ObjectDataType} writes it with Java serialization. A store's background writer serializes every page
 * a write touched, so under a read model's rebuild that serialization was a third of the engine's CPU; BSON writes and
 * reads the same document about four times as fast, in about 70 % of the bytes ({@code BsonDocumentValuesTest}).
 *
 * <p>A document is written as BSON only where reading it back gives an equal document of the very same classes
 * ({@link #faithful}): documents, array lists, strings, the numbers, booleans, nulls, instants to the millisecond,
 * object ids, binary data and decimals, with keys BSON can hold. Anything else — and every value of a store written
 * before, or by mongo-java-server's own backend — is H2's, under its own tags: {@link #BSON} is a tag H2's type does not
 * use, so a value tells which of the two wrote it, and a store keeps being read whichever wrote its pages. A store
 * written by this type cannot be read by H2's alone (a version of the local system before it).
 */
final class BsonDocumentValues extends ObjectDataType {

    /** Not one of {@link ObjectDataType}'s tags (0–14, 19, 32–49, 64–119). */
    static final byte BSON = 120;

    /** H2's estimate for a value it serializes: twice its bytes, averaged over the map's values (H2 starts at 10,000). */
    private volatile int averageMemory = 10_000;

    @Override
    public int getMemory(Object value) {
        return value instanceof Document ? averageMemory : super.getMemory(value);
    }

    @Override
    public void write(WriteBuffer buffer, Object value) {
        if (!(value instanceof Document document) || !faithful(document)) {
            super.write(buffer, value);
            return;
        }
        ByteBuf encoded = Unpooled.buffer(Math.max(256, averageMemory / 2));
        BsonEncoder.encodeDocument(document, encoded);
        int length = encoded.readableBytes();
        averageMemory = (int) ((2L * length + 15L * averageMemory) / 16);
        buffer.put(BSON).putVarInt(length).put(encoded.array(), encoded.arrayOffset() + encoded.readerIndex(), length);
    }

    @Override
    public Object read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON) {
            return super.read(buffer);
        }
        buffer.get();
        int length = DataUtils.readVarInt(buffer);
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
    }

    /** Whether BSON gives this document back equal and of the same classes, all the way down. */
    static boolean faithful(Object value) {
        if (value == null || value instanceof String || value instanceof Integer || value instanceof Long || value instanceof Double
                || value instanceof Boolean || value.getClass() == ObjectId.class || value instanceof BinData || value instanceof Decimal128) {
            return true;
        }
        if (value instanceof Instant instant) {
            return instant.getNano() % 1_000_000 == 0;
        }
        if (value.getClass() == Document.class) {
            for (Map.Entry<String, Object> entry : ((Document) value).entrySet()) {
                if (entry.getKey().indexOf('\0') >= 0 || !faithful(entry.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (value.getClass() == ArrayList.class) {
            for (Object element : (ArrayList<?>) value) {
                if (!faithful(element)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }
}
