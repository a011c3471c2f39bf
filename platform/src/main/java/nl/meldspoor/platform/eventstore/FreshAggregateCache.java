package nl.meldspoor.platform.eventstore;

import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;

/**
 * The aggregates a write service acted on recently, so that a follow-up command does not load and replay the
 * case's whole history again (a 1,000-event case took ~13 % of a command to reload). Bounded: the least recently
 * used aggregate is dropped beyond {@code maxEntries}. Several replicas may act on one aggregate (k8s runs two), so
 * a cached aggregate is used only while it is still the newest version in the event store: one index look-up of
 * the aggregate's last sequence number on every hit; a replica that wrote since makes the entry go and the
 * aggregate is loaded from the store as without a cache. Optimistic concurrency is unchanged: the store's unique
 * (aggregate, sequence number) refuses any append on a stale version, and Axon drops the entry on rollback.
 * The cache is in memory only; it holds what the aggregate holds while it handles a command, nothing is written.
 */
public final class FreshAggregateCache implements Cache {

    private static final Field VERSION = versionField();

    private final int maxEntries;
    private final Function<String, Optional<Long>> storedVersion;
    private final Map<Object, Object> entries;

    /** @param storedVersion the last sequence number the event store holds for an aggregate */
    public FreshAggregateCache(int maxEntries, Function<String, Optional<Long>> storedVersion) {
        this.maxEntries = maxEntries;
        this.storedVersion = storedVersion;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                return size() > FreshAggregateCache.this.maxEntries;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object entry;
        synchronized (entries) {
            entry = entries.get(key);
        }
        if (entry == null) {
            return null;
        }
        if (entry instanceof AggregateCacheEntry<?> cached && !isNewest(key, cached)) {
            synchronized (entries) {
                entries.remove(key, entry);
            }
            return null;
        }
        return (V) entry;
    }

    private boolean isNewest(Object key, AggregateCacheEntry<?> cached) {
        Long version = versionOf(cached);
        Optional<Long> stored = storedVersion.apply(key.toString());
        return version != null && stored.isPresent() && stored.get().equals(version);
    }

    static Long versionOf(AggregateCacheEntry<?> entry) {
        try {
            return (Long) VERSION.get(entry);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void put(Object key, Object value) {
        synchronized (entries) {
            entries.put(key, value);
        }
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        synchronized (entries) {
            return entries.putIfAbsent(key, value) == null;
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        synchronized (entries) {
            return (T) entries.computeIfAbsent(key, k -> valueSupplier.get());
        }
    }

    @Override
    public boolean remove(Object key) {
        synchronized (entries) {
            return entries.remove(key) != null;
        }
    }

    @Override
    public void removeAll() {
        synchronized (entries) {
            entries.clear();
        }
    }

    @Override
    public boolean containsKey(Object key) {
        synchronized (entries) {
            return entries.containsKey(key);
        }
    }

    /** How many aggregates are held. */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    /** No listeners: Axon's repositories do not register any, and nothing here needs to be told. */
    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        return () -> true;
    }

    private static Field versionField() {
        try {
            Field field = AggregateCacheEntry.class.getDeclaredField("version");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("Axon's AggregateCacheEntry has no version any more: check FreshAggregateCache", e);
        }
    }
}
