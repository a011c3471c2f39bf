package nl.meldspoor.platform.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The in-memory cache of recently used aggregates ({@link FreshAggregateCache}), bean {@value #BEAN}.
 *
 * @param maxEntries aggregates held at most; the least recently used goes first
 * @param snapshotAfterEvents events read to load an aggregate after which a snapshot is taken (bean
 *                            {@value #SNAPSHOT_TRIGGER}), so a long case loads from its snapshot and the events since
 */
@ConfigurationProperties("meldspoor.aggregate-cache")
public record AggregateCacheProperties(Integer maxEntries, Integer snapshotAfterEvents) {

    /** The bean name aggregates name in {@code @Aggregate(cache = ...)}. */
    public static final String BEAN = "aggregateCache";
    /** The bean name aggregates name in {@code @Aggregate(snapshotTriggerDefinition = ...)}; only for a SealedSnapshot aggregate. */
    public static final String SNAPSHOT_TRIGGER = "sealedSnapshotTrigger";

    public AggregateCacheProperties {
        maxEntries = maxEntries == null ? 2_000 : maxEntries;
        snapshotAfterEvents = snapshotAfterEvents == null ? 100 : snapshotAfterEvents;
        if (maxEntries < 1 || snapshotAfterEvents < 1) {
            throw new IllegalArgumentException("meldspoor.aggregate-cache.max-entries and snapshot-after-events must be at least 1");
        }
    }
}
