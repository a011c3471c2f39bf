package nl.meldspoor.reporting.dashboard.counters;

import java.util.List;

/**
 * What one aggregate (a case, a pupil's file, an incident) adds to one school's month. Kept in the month's
 * document under the aggregate's id, so that writing it again — a redelivered event, a rebuild — replaces it
 * instead of adding it twice.
 */
record Contribution(String aggregateId, List<CounterEntry> counts, List<SampleEntry> samples) {

    Contribution {
        counts = counts == null ? List.of() : List.copyOf(counts);
        samples = samples == null ? List.of() : List.copyOf(samples);
    }

    boolean isEmpty() {
        return counts.isEmpty() && samples.isEmpty();
    }
}
