package nl.meldspoor.signals.incident.history;

import java.time.Instant;
import nl.meldspoor.api.incident.IncidentEvent;
import nl.meldspoor.signals.incident.state.IncidentView;
import nl.meldspoor.signals.incident.state.RecordedIncidentEvent;
import nl.meldspoor.platform.eventstore.EventHistory;
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
        return IncidentView.of(EventHistory.read(eventStore, incidentId, asOf, IncidentEvent.class, RecordedIncidentEvent::new), asOf);
    }
}
