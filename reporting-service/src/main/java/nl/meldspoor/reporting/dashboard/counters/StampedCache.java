package nl.meldspoor.reporting.dashboard.counters;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Values read under a stamp ({@link CounterStamps}), given back only while the stamp is the same. Bounded: at most
 * {@code maxEntries}; a new entry beyond that pushes out another.
 */
final class StampedCache<V> {

    private record Entry<V>(Object stamp, V value) {
    }

    private final int maxEntries;
    private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();

    StampedCache(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** What was read under this stamp, or null (also when there is no stamp: what has none is never kept). */
    V get(String key, Object stamp) {
        Entry<V> entry = stamp == null ? null : entries.get(key);
        return entry != null && entry.stamp().equals(stamp) ? entry.value() : null;
    }

    void put(String key, Object stamp, V value) {
        if (stamp == null || maxEntries <= 0) {
            return;
        }
        Iterator<String> others = entries.keySet().iterator();
        while (entries.size() >= maxEntries && !entries.containsKey(key) && others.hasNext()) {
            entries.remove(others.next());
        }
        entries.put(key, new Entry<>(stamp, value));
    }

    int size() {
        return entries.size();
    }
}
