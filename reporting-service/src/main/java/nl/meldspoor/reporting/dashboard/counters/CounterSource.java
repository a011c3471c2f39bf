package nl.meldspoor.reporting.dashboard.counters;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.meldspoor.platform.consuming.StoredEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The counters' own state of one aggregate: the sequence it has applied (so a redelivered event changes
 * nothing), events that came after a gap, the aggregate's events for the fold, and every school month it
 * has ever contributed to (so a contribution that moves is taken out of its old month).
 */
@Document(CounterSource.COLLECTION)
class CounterSource {

    static final String COLLECTION = "dashboard_counter_sources";

    @Id
    private String aggregateId;
    private long appliedSequence = -1;
    private List<StoredEvent> events = new ArrayList<>();
    private List<StoredEvent> waiting = new ArrayList<>();
    private List<String> months = new ArrayList<>();

    protected CounterSource() {
    }

    CounterSource(String aggregateId) {
        this.aggregateId = aggregateId;
    }

    String aggregateId() {
        return aggregateId;
    }

    long appliedSequence() {
        return appliedSequence;
    }

    List<StoredEvent> events() {
        return events;
    }

    /** Applies the event and any waiting ones that now follow on; an event after a gap waits. */
    boolean take(StoredEvent event) {
        if (event.sequence() <= appliedSequence) {
            return false;
        }
        if (event.sequence() > appliedSequence + 1) {
            if (waiting.stream().noneMatch(held -> held.sequence() == event.sequence())) {
                waiting.add(event);
            }
            return false;
        }
        events.add(event);
        appliedSequence = event.sequence();
        waiting.sort(java.util.Comparator.comparingLong(StoredEvent::sequence));
        while (!waiting.isEmpty() && waiting.get(0).sequence() <= appliedSequence + 1) {
            StoredEvent next = waiting.remove(0);
            if (next.sequence() == appliedSequence + 1) {
                events.add(next);
                appliedSequence = next.sequence();
            }
        }
        return true;
    }

    boolean hasWaiting() {
        return !waiting.isEmpty();
    }

    /** The school months contributed to now and before ({@code schoolId|yyyy-MM}). */
    Set<String> contributedTo(Set<String> now) {
        Set<String> all = new LinkedHashSet<>(months);
        all.addAll(now);
        months = new ArrayList<>(all);
        return all;
    }

    List<String> months() {
        return months;
    }
}
