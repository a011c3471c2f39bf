package nl.meldspoor.platform.privacy;

import java.util.Optional;
import java.util.function.Function;

/**
 * Which record's key seals the snapshot of an aggregate ({@link SealedSnapshotSerializer}): an aggregate's state
 * holds the opened free text of its events, so its snapshot is sealed under the same key as those events. A write
 * service declares one bean per aggregate it snapshots; an aggregate without one is never snapshotted.
 */
@FunctionalInterface
public interface SnapshotRecords {

    /** The record of the aggregate, empty when this bean does not know the aggregate's type. */
    Optional<ProtectedRecord> recordOf(Object aggregate);

    static <A> SnapshotRecords of(Class<A> type, Function<A, ProtectedRecord> record) {
        return aggregate -> type.isInstance(aggregate) ? Optional.of(record.apply(type.cast(aggregate))) : Optional.empty();
    }
}
