package nl.meldspoor.reporting.dashboard.counters;

/**
 * A step-duration sample of a case opened on this day of the month: days from reaching {@code fromStep} to
 * reaching the next step, as the median per step is taken over.
 */
record SampleEntry(int day, int fromStep, double days) {
}
