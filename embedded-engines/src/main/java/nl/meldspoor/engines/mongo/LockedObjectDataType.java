package nl.meldspoor.engines.mongo;

import java.nio.ByteBuffer;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * H2's {@link ObjectDataType} with its methods under the instance's lock. H2's type remembers the kind of the last
 * value it handled in an unguarded field, and its comparison of serialized values (a document as {@code _id})
 * tells the kinds apart by identity: when the store's background writer serializes a page of the same map while a
 * command compares keys of mixed kinds, the comparison fails with "Can not compare" (a Mongo error to the client).
 * A map's key type is shared by both threads, so it is used one thread at a time; what it writes is H2's own.
 */
class LockedObjectDataType extends ObjectDataType {

    @Override
    public synchronized int compare(Object a, Object b) {
        return super.compare(a, b);
    }

    @Override
    public synchronized int getMemory(Object value) {
        return super.getMemory(value);
    }

    @Override
    public synchronized void write(WriteBuffer buffer, Object value) {
        super.write(buffer, value);
    }

    @Override
    public synchronized Object read(ByteBuffer buffer) {
        return super.read(buffer);
    }
}
