package nl.meldspoor.engines.mongo;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.WriteBuffer;

/**
 * A document written as BSON straight into H2's buffer, in one pass that also tells whether mongo-java-server's
 * {@code BsonDecoder} gives it back equal and of the same classes: it stops at the first value that it would not
 * (a class BSON has no type for or decodes as another, an instant finer than a millisecond, a key with a NUL, a string
 * UTF-8 cannot hold). The layout is BSON's (little-endian lengths, a document's length before it, a NUL after it);
 * an array is a document keyed "0", "1", ….
 */
final class BsonWriting {

    private static final byte DOUBLE = 0x01;
    private static final byte STRING = 0x02;
    private static final byte DOCUMENT = 0x03;
    private static final byte ARRAY = 0x04;
    private static final byte BINARY = 0x05;
    private static final byte OBJECT_ID = 0x07;
    private static final byte BOOLEAN = 0x08;
    private static final byte DATE = 0x09;
    private static final byte NULL = 0x0A;
    private static final byte INT32 = 0x10;
    private static final byte INT64 = 0x12;
    private static final byte NOT_FAITHFUL = 0;

    private BsonWriting() {
    }

    /** Writes the document at the buffer's position; false, with something written, where BSON would change it. */
    static boolean document(WriteBuffer out, Document document) {
        int start = out.position();
        out.putInt(0);
        for (Map.Entry<String, Object> entry : document.entrySet()) {
            if (!element(out, entry.getKey(), entry.getValue())) {
                return false;
            }
        }
        return ended(out, start);
    }

    private static boolean array(WriteBuffer out, List<?> list) {
        int start = out.position();
        out.putInt(0);
        for (int i = 0; i < list.size(); i++) {
            if (!element(out, Integer.toString(i), list.get(i))) {
                return false;
            }
        }
        return ended(out, start);
    }

    private static boolean ended(WriteBuffer out, int start) {
        out.put((byte) 0);
        out.putInt(start, Integer.reverseBytes(out.position() - start));
        return true;
    }

    private static boolean element(WriteBuffer out, String key, Object value) {
        byte type = typeOf(value);
        if (type == NOT_FAITHFUL || key.indexOf('\0') >= 0) {
            return false;
        }
        out.put(type);
        if (!utf8(out, key)) {
            return false;
        }
        out.put((byte) 0);
        return switch (type) {
            case STRING -> string(out, (String) value);
            case INT32 -> {
                out.putInt(Integer.reverseBytes((Integer) value));
                yield true;
            }
            case INT64 -> {
                out.putLong(Long.reverseBytes((Long) value));
                yield true;
            }
            case DOUBLE -> {
                out.putLong(Long.reverseBytes(Double.doubleToRawLongBits((Double) value)));
                yield true;
            }
            case BOOLEAN -> {
                out.put((byte) ((Boolean) value ? 1 : 0));
                yield true;
            }
            case DATE -> {
                out.putLong(Long.reverseBytes(((Instant) value).toEpochMilli()));
                yield true;
            }
            case DOCUMENT -> document(out, (Document) value);
            case ARRAY -> array(out, (List<?>) value);
            case OBJECT_ID -> {
                out.put(((ObjectId) value).toByteArray()); // always 12 bytes: ObjectId refuses any other length
                yield true;
            }
            case BINARY -> {
                byte[] data = ((BinData) value).getData();
                out.putInt(Integer.reverseBytes(data.length)).put((byte) 0).put(data);
                yield true;
            }
            default -> true; // NULL: the type says it all
        };
    }

    /** BSON's type of the classes it gives back as they are, whatever their value. */
    private static final Map<Class<?>, Byte> TYPES = Map.of(String.class, STRING, Integer.class, INT32, Long.class, INT64,
            Double.class, DOUBLE, Boolean.class, BOOLEAN, Document.class, DOCUMENT, ArrayList.class, ARRAY, BinData.class, BINARY,
            ObjectId.class, OBJECT_ID);

    private static byte typeOf(Object value) {
        if (value == null) {
            return NULL;
        }
        Byte type = TYPES.get(value.getClass());
        if (type != null) {
            return type;
        }
        if (value instanceof Instant instant) {
            // toEpochMilli throws beyond a long of milliseconds, some 292 million years away
            return instant.getNano() % 1_000_000 == 0 && Math.abs(instant.getEpochSecond()) < Long.MAX_VALUE / 1_000 - 1 ? DATE : NOT_FAITHFUL;
        }
        return NOT_FAITHFUL;
    }

    /** BSON's string: its UTF-8 length with the NUL, the UTF-8, a NUL. */
    private static boolean string(WriteBuffer out, String value) {
        int start = out.position();
        out.putInt(0);
        if (!utf8(out, value)) {
            return false;
        }
        out.put((byte) 0);
        out.putInt(start, Integer.reverseBytes(out.position() - start - 4));
        return true;
    }

    /** The string as UTF-8; false if it holds a lone surrogate, which UTF-8 cannot hold (Java would write a '?'). */
    private static boolean utf8(WriteBuffer out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        out.put(value.getBytes(StandardCharsets.UTF_8));
        return true;
    }
}
