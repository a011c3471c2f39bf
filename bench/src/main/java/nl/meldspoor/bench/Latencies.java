package nl.meldspoor.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Durations of one probe in nanoseconds, with nearest-rank percentiles. */
final class Latencies {

    private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());

    void add(long durationNanos) {
        nanos.add(durationNanos);
    }

    int count() {
        return nanos.size();
    }

    double millis(double quantile) {
        List<Long> sorted;
        synchronized (nanos) {
            sorted = new ArrayList<>(nanos);
        }
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        return sorted.get(Math.max(0, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
    }

    /** "p50 a / p95 b / p99 c ms". */
    String percentiles() {
        return "p50 %s / p95 %s / p99 %s ms".formatted(Report.number(millis(0.50)), Report.number(millis(0.95)), Report.number(millis(0.99)));
    }
}
