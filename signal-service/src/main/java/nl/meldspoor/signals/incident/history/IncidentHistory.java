package nl.meldspoor.signals.incident.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.meldspoor.api.incident.IncidentEvent;
import nl.meldspoor.api.incident.state.IncidentView;
import nl.meldspoor.api.incident.state.RecordedIncidentEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/** Reads an incident's history straight from the event store, in order, up to any past moment. */
@Component
public class IncidentHistory {

    private final EventStore eventStore;

    public IncidentHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /**
     * The incident's state and timeline as the system knew them.
     *
     * @param asOf only what had been recorded at this moment, or {@code null} for everything
     * @throws AggregateNotFoundException when the incident was not (yet) recorded
     */
    public IncidentView view(String incidentId, Instant asOf) {
        List<RecordedIncidentEvent> events = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(incidentId);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (asOf != null && message.getTimestamp().isAfter(asOf)) {
                break;
            }
            if (message.getPayload() instanceof IncidentEvent event) {
                events.add(new RecordedIncidentEvent(message.getIdentifier(), message.getSequenceNumber(), message.getTimestamp(), event));
            }
        }
        if (events.isEmpty()) {
            throw new AggregateNotFoundException(incidentId, asOf == null
                    ? "No incident " + incidentId
                    : "Incident " + incidentId + " was not recorded at " + asOf);
        }
        return IncidentView.of(events, asOf);
    }
}
