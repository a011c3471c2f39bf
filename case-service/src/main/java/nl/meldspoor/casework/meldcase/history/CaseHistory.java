package nl.meldspoor.casework.meldcase.history;

import java.time.Instant;
import java.util.List;
import nl.meldspoor.api.meldcase.MeldcodeCaseEvent;
import nl.meldspoor.api.meldcase.RecordedCaseEvent;
import nl.meldspoor.platform.eventstore.EventHistory;
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
        return EventHistory.read(eventStore, caseId, asOf, MeldcodeCaseEvent.class, RecordedCaseEvent::new);
    }
}
