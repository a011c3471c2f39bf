package nl.meldspoor.engines.mongo;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The value type of the file store's collections: a document is written as BSON, the form it came in over the wire,
 * where H2's {@link ObjectDataType} writes it with Java serialization. A store's background writer serializes every page
 * a write touched, so under a read model's rebuild that serialization was a third of the engine's CPU; BSON writes and
 * reads the same document about five times as fast, in about 70 % of the bytes.
 *
 * <p>A document is written as BSON only where reading it back gives an equal document of the very same classes
 * ({@link BsonWriting}): documents, array lists, strings, integers, longs, doubles, booleans, nulls, instants to the
 * millisecond, object ids and binary data, with keys BSON can hold. Anything else — and every value of a store written
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
        int start = buffer.position();
        if (value instanceof Document document) {
            buffer.put(BSON);
            if (BsonWriting.document(buffer, document)) {
                averageMemory = (int) ((2L * (buffer.position() - start) + 15L * averageMemory) / 16);
                return;
            }
            buffer.position(start);
        }
        super.write(buffer, value);
    }

    @Override
    public Object read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON) {
            return super.read(buffer);
        }
        buffer.get();
        int at = buffer.position();
        // BSON's length, little-endian, whatever the buffer's order
        int length = (buffer.get(at) & 0xff) | (buffer.get(at + 1) & 0xff) << 8 | (buffer.get(at + 2) & 0xff) << 16 | (buffer.get(at + 3) & 0xff) << 24;
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
    }
}
