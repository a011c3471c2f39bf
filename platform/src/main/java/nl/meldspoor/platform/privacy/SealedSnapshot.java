package nl.meldspoor.platform.privacy;

/**
 * An aggregate whose snapshots are sealed whole under its record's key by {@link SealedSnapshotSerializer}: its
 * state holds the opened free text of its events, which must never reach the database in plain.
 */
public interface SealedSnapshot {

    /** The record whose key seals the snapshot (the same key as the aggregate's events). */
    ProtectedRecord snapshotRecord();
}
