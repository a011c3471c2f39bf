package nl.meldspoor.reporting.dashboard.counters;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * What one aggregate (a case, a pupil's file, an incident) adds to one school's month, stored with the aggregate's fold
 * ({@link StoredFold#CONTRIBUTIONS}) so that the next change is added to the month as the difference from it, without
 * reading the month. Up to format 6 each was a document of its own ({@link #COLLECTION}, {@code _id}
 * {@code schoolId|yyyy-MM|aggregateId}), still read for a fold stored without its contributions.
 */
record Contribution(String aggregateId, List<CounterEntry> counts, List<SampleEntry> samples) {

    static final String COLLECTION = "dashboard_counter_contributions";

    /** A counter on a day of the month. */
    record Slot(int day, String counter) implements Comparable<Slot> {
        @Override
        public int compareTo(Slot other) {
            return day != other.day ? Integer.compare(day, other.day) : counter.compareTo(other.counter);
        }
    }

    Contribution {
        counts = counts == null ? List.of() : List.copyOf(counts);
        samples = samples == null ? List.of() : List.copyOf(samples);
    }

    static Contribution none(String aggregateId) {
        return new Contribution(aggregateId, List.of(), List.of());
    }

    static String idOf(String monthId, String aggregateId) {
        return monthId + "|" + aggregateId;
    }

    boolean isEmpty() {
        return counts.isEmpty() && samples.isEmpty();
    }

    /** What this contribution adds over the one before it, per day and counter; zeros left out. */
    Map<Slot, Integer> minus(Contribution before) {
        Map<Slot, Integer> delta = new TreeMap<>();
        counts.forEach(entry -> delta.merge(new Slot(entry.day(), entry.counter()), entry.amount(), Integer::sum));
        before.counts.forEach(entry -> delta.merge(new Slot(entry.day(), entry.counter()), -entry.amount(), Integer::sum));
        delta.values().removeIf(amount -> amount == 0);
        return delta;
    }

    /** Stored as of {@code sequence}: the counts and the samples each one binary value ({@link CounterEntry#packed}). */
    Document toStored(long sequence) {
        return new Document("sequence", sequence)
                .append("counts", new Binary(CounterEntry.packed(counts)))
                .append("samples", new Binary(samplesPacked()));
    }

    /** The guard a month holds while it adds this contribution: the sequence number and the counts, no samples. */
    Document asGuard(long sequence) {
        return new Document("sequence", sequence).append("counts", new Binary(CounterEntry.packed(counts)));
    }

    /** The samples as its school year's samples keep them in the month ({@link SchoolYearSamples}): one binary value. */
    byte[] samplesPacked() {
        return SampleEntry.packed(samples);
    }

    /**
     * A stored contribution or a month's guard. Format 5 kept the counts and samples as lists of documents; such a one
     * (a replica of the previous version writing during a rolling update) is read as well.
     */
    static Contribution of(String aggregateId, Document stored) {
        return new Contribution(aggregateId, countsOf(stored.get("counts")), samplesOf(stored.get("samples")));
    }

    private static List<CounterEntry> countsOf(Object stored) {
        if (stored instanceof Binary packed) {
            return CounterEntry.unpacked(packed.getData());
        }
        return stored == null ? List.of() : ((List<?>) stored).stream().map(Document.class::cast)
                .map(entry -> new CounterEntry(entry.getInteger("day"), entry.getString("counter"), entry.getInteger("amount"))).toList();
    }

    private static List<SampleEntry> samplesOf(Object stored) {
        if (stored instanceof Binary packed) {
            return SampleEntry.unpacked(packed.getData());
        }
        return stored == null ? List.of() : ((List<?>) stored).stream().map(Document.class::cast)
                .map(sample -> new SampleEntry(sample.getInteger("day"), sample.getInteger("fromStep"), ((Number) sample.get("days")).doubleValue()))
                .toList();
    }

    static long sequenceOf(Document stored) {
        return ((Number) stored.get("sequence")).longValue();
    }
}
