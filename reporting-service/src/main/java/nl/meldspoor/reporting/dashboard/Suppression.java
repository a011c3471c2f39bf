package nl.meldspoor.reporting.dashboard;

import java.util.List;
import nl.meldspoor.reporting.organisation.Level;

/**
 * Small-count suppression: above school level a count from 1 up to the threshold is not shown, nor
 * a share or median based on fewer cases than that. School staff see their own school's exact figures.
 */
final class Suppression {

    private final int threshold;
    private final boolean applies;

    Suppression(int threshold, Level level) {
        this.threshold = threshold;
        this.applies = level.aboveSchool();
    }

    Count count(int value) {
        return small(value) ? Count.hidden() : Count.of(value);
    }

    Share share(int part, int basis) {
        if (small(basis)) {
            return new Share(null, Count.hidden(), true);
        }
        Integer percentage = basis == 0 ? null : (int) Math.round(100.0 * part / basis);
        return new Share(percentage, Count.of(basis), false);
    }

    Median median(List<Double> days) {
        if (small(days.size())) {
            return new Median(null, Count.hidden(), true);
        }
        if (days.isEmpty()) {
            return new Median(null, Count.of(0), false);
        }
        List<Double> sorted = days.stream().sorted().toList();
        int middle = sorted.size() / 2;
        double median = sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
        return new Median(Math.round(median * 10) / 10.0, Count.of(days.size()), false);
    }

    private boolean small(int value) {
        return applies && value > 0 && value < threshold;
    }
}
