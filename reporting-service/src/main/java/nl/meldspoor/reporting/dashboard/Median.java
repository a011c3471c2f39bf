package nl.meldspoor.reporting.dashboard;

/**
 * A median number of days, with how many cases it is taken over; suppressed above school level when few.
 *
 * @param days rounded to one decimal, {@code null} without cases or when suppressed
 */
public record Median(Double days, Count cases, boolean suppressed) {
}
