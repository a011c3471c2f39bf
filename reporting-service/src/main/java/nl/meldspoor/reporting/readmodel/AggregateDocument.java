package nl.meldspoor.reporting.readmodel;

import java.util.ArrayList;
import java.util.List;
import nl.meldspoor.platform.consuming.StoredEvent;
import org.springframework.data.annotation.Version;

/**
 * A read-model document for one aggregate: its events as published (the read model's own copy, so
 * every view can be derived again) and the sequence it has applied, so that a redelivered or
 * replayed event changes nothing without transactions.
 */
public abstract class AggregateDocument {

    @Version
    private Long version;
    private long appliedSequence = -1;
    private List<StoredEvent> events = new ArrayList<>();

    boolean alreadyApplied(long sequence) {
        return sequence <= appliedSequence;
    }

    void append(StoredEvent event) {
        events.add(event);
        appliedSequence = event.sequence();
    }

    public long appliedSequence() {
        return appliedSequence;
    }

    public List<StoredEvent> events() {
        return events;
    }
}
