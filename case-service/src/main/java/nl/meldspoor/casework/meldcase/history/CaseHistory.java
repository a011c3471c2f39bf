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

    /**
     * What {@link #read} gives for {@code asOf}, taken from the whole history read before, so that a request about the
     * past reads the store once: the events in order up to the first one recorded after that moment.
     *
     * @param all the case's whole history, as {@code read(caseId, null)} gave it
     * @throws AggregateNotFoundException when the case did not exist yet at that moment
     */
    public List<RecordedCaseEvent> asOf(String caseId, List<RecordedCaseEvent> all, Instant asOf) {
        if (asOf == null) {
            return all;
        }
        int known = 0;
        while (known < all.size() && !all.get(known).recordedAt().isAfter(asOf)) {
            known++;
        }
        if (known == 0) {
            throw new AggregateNotFoundException(caseId, "No " + MeldcodeCaseEvent.class.getSimpleName() + " recorded for " + caseId + " at " + asOf);
        }
        return all.subList(0, known);
    }
}
