package nl.meldspoor.engines.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the file store's unique indexes: H2's {@link ObjectDataType}, which orders keys it has no type for
 * (mongo-java-server's {@link KeyValue}) by their Java serialization, serializing both keys at every comparison — an
 * insert searched the {@code _id} index with some twenty comparisons, each two serializations. Here a key's bytes are
 * remembered, so the searched key and the index's upper keys are serialized once; the order, and what is written to the
 * file (inherited), are H2's own, so a store written by either stays readable by the other. Only keys of plain strings
 * and numbers are remembered: for those, equal keys ({@code List.equals} of the values, class and all) serialize to the
 * same bytes; any other key is serialized as before. Everything else is H2's, under a lock ({@link LockedObjectDataType}).
 */
final class RememberedKeyBytes extends LockedObjectDataType {

    /** Bounded: forgotten at once when full; about 100 bytes a key. */
    static final int MOST_REMEMBERED = 50_000;

    private final Map<KeyValue, byte[]> remembered = new ConcurrentHashMap<>();

    @Override
    public int compare(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a instanceof KeyValue one && b instanceof KeyValue other) {
            return compareNotNull(bytesOf(one), bytesOf(other));
        }
        return super.compare(a, b);
    }

    private byte[] bytesOf(KeyValue key) {
        if (!rememberable(key)) {
            return serialize(key);
        }
        byte[] bytes = remembered.get(key);
        if (bytes == null) {
            bytes = serialize(key);
            if (remembered.size() >= MOST_REMEMBERED) {
                remembered.clear();
            }
            remembered.put(key, bytes);
        }
        return bytes;
    }

    private static boolean rememberable(KeyValue key) {
        for (Object value : key) {
            if (!(value instanceof String || value instanceof Long || value instanceof Integer || value instanceof Double)) {
                return false;
            }
        }
        return true;
    }
}
