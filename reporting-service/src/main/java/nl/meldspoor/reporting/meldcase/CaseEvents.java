package nl.meldspoor.reporting.meldcase;

import java.util.List;
import nl.meldspoor.api.meldcase.MeldcodeCaseEvent;
import nl.meldspoor.api.meldcase.RecordedCaseEvent;
import nl.meldspoor.platform.consuming.StoredEvent;
import nl.meldspoor.platform.consuming.StoredEvents;
import org.springframework.stereotype.Component;

/** Reads a case's stored events back into the published language, with their place in its history. */
@Component
public class CaseEvents {

    private final StoredEvents events;

    public CaseEvents(StoredEvents events) {
        this.events = events;
    }

    public List<RecordedCaseEvent> read(List<StoredEvent> stored) {
        return stored.stream()
                .map(event -> new RecordedCaseEvent(event.eventId(), event.sequence(), event.recordedAt(), events.read(event, MeldcodeCaseEvent.class)))
                .toList();
    }
}
