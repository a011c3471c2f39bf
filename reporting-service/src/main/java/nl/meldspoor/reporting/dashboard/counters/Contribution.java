package nl.meldspoor.reporting.dashboard.counters;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;

/**
 * What one aggregate (a case, a pupil's file, an incident) adds to one school's month. Stored in its own document
 * ({@link #COLLECTION}, {@code _id} {@code schoolId|yyyy-MM|aggregateId}) so that the next change is added to the month
 * as the difference from it, without reading the month.
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

    Document toDocument(String id, long sequence) {
        return new Document("_id", id).append("sequence", sequence)
                .append("counts", countsAsDocuments())
                .append("samples", samplesAsDocuments());
    }

    /** The guard a month holds while it adds this contribution: the sequence number and the counts, no samples. */
    Document asGuard(long sequence) {
        return new Document("sequence", sequence).append("counts", countsAsDocuments());
    }

    private List<Document> countsAsDocuments() {
        return counts.stream().map(entry -> new Document("day", entry.day()).append("counter", entry.counter())
                .append("amount", entry.amount())).toList();
    }

    /** The samples as its school year's samples keep them in the month ({@link SchoolYearSamples}): one binary value. */
    byte[] samplesPacked() {
        return SampleEntry.packed(samples);
    }

    List<Document> samplesAsDocuments() {
        return samples.stream().map(sample -> new Document("day", sample.day()).append("fromStep", sample.fromStep())
                .append("days", sample.days())).toList();
    }

    static Contribution of(String aggregateId, Document stored) {
        return new Contribution(aggregateId,
                stored.getList("counts", Document.class, List.of()).stream().map(entry -> new CounterEntry(entry.getInteger("day"),
                        entry.getString("counter"), entry.getInteger("amount"))).toList(),
                stored.getList("samples", Document.class, List.of()).stream().map(sample -> new SampleEntry(sample.getInteger("day"),
                        sample.getInteger("fromStep"), ((Number) sample.get("days")).doubleValue())).toList());
    }

    static long sequenceOf(Document stored) {
        return ((Number) stored.get("sequence")).longValue();
    }
}
