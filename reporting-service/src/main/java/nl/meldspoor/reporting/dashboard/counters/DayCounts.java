package nl.meldspoor.reporting.dashboard.counters;

import java.util.Map;

/** A day's counts at one school, by counter name; counters that stayed zero are left out. */
record DayCounts(int day, Map<String, Integer> counts) {
}
