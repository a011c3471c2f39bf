package nl.meldspoor.reporting.dashboard.counters;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per generation, the guards that finished polls left in the months, by month id and the aggregate's field key: their
 * contributions are stored, so each names what its month holds of the aggregate already, and refuses nothing
 * ({@code DashboardCounters#addToMonth}). The next poll takes them: a month it writes anyway forgets them in that same
 * update, any other month on its own after the poll's contributions. So a rebuild, whose polls write the same months
 * again and again, updates a month once per poll where it added, stored and then forgot in two updates. A guard not
 * forgotten (the process stopped, or its poll failed after taking it and before it was put back) stays settled in its
 * month until the aggregate is written there again: only ever the guards of a few polls.
 */
final class SettledGuards {

    private final Map<Integer, Map<String, Map<String, Long>>> byGeneration = new ConcurrentHashMap<>();

    /** Every guard settled in the generation and not forgotten yet, now this poll's to forget. */
    Map<String, Map<String, Long>> take(int generation) {
        Map<String, Map<String, Long>> taken = byGeneration.remove(generation);
        return taken == null ? new HashMap<>() : taken;
    }

    /** Guards whose contributions are stored: to be forgotten by a poll to come (the later sequence number wins). */
    void settled(int generation, Map<String, Map<String, Long>> guards) {
        if (guards.isEmpty()) {
            return;
        }
        byGeneration.compute(generation, (ignored, before) -> {
            Map<String, Map<String, Long>> merged = before == null ? new HashMap<>() : before;
            guards.forEach((month, keys) -> keys.forEach((key, sequence) ->
                    merged.computeIfAbsent(month, id -> new HashMap<>()).merge(key, sequence, Math::max)));
            return merged;
        });
    }

    boolean holds(int generation) {
        return byGeneration.containsKey(generation);
    }

    /** A generation written anew from nothing holds no guard of an earlier one; a dropped one holds none at all. */
    void clear(int generation) {
        byGeneration.remove(generation);
    }
}
