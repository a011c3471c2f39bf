package nl.meldspoor.casework.meldcase.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.meldspoor.api.meldcase.MeldcodeCaseEvent;
import nl.meldspoor.api.meldcase.state.RecordedCaseEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/** Reads a case's history straight from the event store, in order, up to any past moment. */
@Component
public class CaseHistory {

    private final EventStore eventStore;

    public CaseHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /**
     * @param asOf only what had been recorded at this moment, or {@code null} for everything
     * @throws AggregateNotFoundException when the case did not exist (yet)
     */
    public List<RecordedCaseEvent> read(String caseId, Instant asOf) {
        List<RecordedCaseEvent> events = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(caseId);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (asOf != null && message.getTimestamp().isAfter(asOf)) {
                break;
            }
            if (message.getPayload() instanceof MeldcodeCaseEvent event) {
                events.add(new RecordedCaseEvent(message.getIdentifier(), message.getSequenceNumber(), message.getTimestamp(), event));
            }
        }
        if (events.isEmpty()) {
            throw new AggregateNotFoundException(caseId, asOf == null
                    ? "No meldcode case " + caseId
                    : "Meldcode case " + caseId + " did not exist at " + asOf);
        }
        return events;
    }
}
