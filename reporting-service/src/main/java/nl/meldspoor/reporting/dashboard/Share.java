package nl.meldspoor.reporting.dashboard;

/**
 * A percentage with the number it is a share of; suppressed above school level when that basis is small.
 *
 * @param percentage rounded to whole percents, {@code null} without basis or when suppressed
 */
public record Share(Integer percentage, Count basis, boolean suppressed) {
}
