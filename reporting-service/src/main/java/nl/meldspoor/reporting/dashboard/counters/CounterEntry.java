package nl.meldspoor.reporting.dashboard.counters;

/**
 * One count an aggregate contributes to a school's month: on which day of the month, to which counter
 * ({@link Counter#name(int)}), how many.
 */
record CounterEntry(int day, String counter, int amount) {
}
