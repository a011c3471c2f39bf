package nl.meldspoor.platform.eventstore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * An aggregate's history read straight from the event store, in order, as the system knew it at any
 * moment: the audit trail that the state and timeline views of every write service are built from.
 */
public final class EventHistory {

    /** How one stored event of the expected type appears in the history. */
    @FunctionalInterface
    public interface Entry<E, R> {

        /**
         * @param sequence   the aggregate's version after this event
         * @param recordedAt when the event store recorded it
         */
        R of(String eventId, long sequence, Instant recordedAt, E event);
    }

    private EventHistory() {
    }

    /**
     * @param asOf only what had been recorded at this moment, or {@code null} for everything
     * @throws AggregateNotFoundException when nothing of the expected type was recorded (yet)
     */
    public static <E, R> List<R> read(EventStore eventStore, String aggregateId, Instant asOf, Class<E> eventType, Entry<E, R> entry) {
        List<R> history = read(eventStore, aggregateId, 0, asOf, eventType, entry);
        if (history.isEmpty()) {
            throw new AggregateNotFoundException(aggregateId, asOf == null
                    ? "No " + eventType.getSimpleName() + " recorded for " + aggregateId
                    : "No " + eventType.getSimpleName() + " recorded for " + aggregateId + " at " + asOf);
        }
        return history;
    }

    /**
     * The events from a sequence number on, in order: the part of a history recorded after an earlier read of it.
     *
     * @return empty when nothing of the expected type was recorded from there on
     */
    public static <E, R> List<R> readFrom(EventStore eventStore, String aggregateId, long firstSequence, Class<E> eventType, Entry<E, R> entry) {
        return read(eventStore, aggregateId, firstSequence, null, eventType, entry);
    }

    private static <E, R> List<R> read(EventStore eventStore, String aggregateId, long firstSequence, Instant asOf, Class<E> eventType,
                                       Entry<E, R> entry) {
        List<R> history = new ArrayList<>();
        // from the given event, never from a snapshot: a history is every event, and a snapshot is no event of its own
        DomainEventStream stream = eventStore.readEvents(aggregateId, firstSequence);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (asOf != null && message.getTimestamp().isAfter(asOf)) {
                break;
            }
            if (eventType.isInstance(message.getPayload())) {
                history.add(entry.of(message.getIdentifier(), message.getSequenceNumber(), message.getTimestamp(),
                        eventType.cast(message.getPayload())));
            }
        }
        return history;
    }
}
