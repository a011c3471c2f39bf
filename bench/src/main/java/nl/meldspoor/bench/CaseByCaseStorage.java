package nl.meldspoor.bench;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;

/**
 * The store loader's in-memory event storage, emptied for each case: Axon's in-memory engine finds an aggregate's events
 * by scanning every event it holds, and the loader reads a case's events only while it runs the case's commands. One
 * engine for all cases made every command slower with each case before it; a fresh Axon configuration every 25 cases, as
 * before, cost its own start each time.
 */
final class CaseByCaseStorage implements EventStorageEngine {

    private EventStorageEngine current = new InMemoryEventStorageEngine();

    /** Forgets the events of the cases before: the next commands are a new case's. */
    void nextCase() {
        current = new InMemoryEventStorageEngine();
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        current.appendEvents(events);
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        current.storeSnapshot(snapshot);
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return current.readEvents(trackingToken, mayBlock);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return current.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return current.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return current.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return current.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return current.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return current.createTokenAt(dateTime);
    }
}
