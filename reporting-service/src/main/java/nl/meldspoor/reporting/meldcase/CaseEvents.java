package nl.meldspoor.reporting.meldcase;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import nl.meldspoor.api.meldcase.MeldcodeCaseEvent;
import nl.meldspoor.api.meldcase.state.RecordedCaseEvent;
import org.springframework.stereotype.Component;

/** Reads a case's stored events back into the published language. */
@Component
public class CaseEvents {

    private final ObjectMapper json;

    public CaseEvents(ObjectMapper json) {
        this.json = json;
    }

    public List<RecordedCaseEvent> read(List<StoredEvent> stored) {
        return stored.stream().map(this::read).toList();
    }

    private RecordedCaseEvent read(StoredEvent stored) {
        try {
            MeldcodeCaseEvent event = (MeldcodeCaseEvent) json.readValue(stored.json(), Class.forName(stored.type()));
            return new RecordedCaseEvent(stored.eventId(), stored.sequence(), stored.recordedAt(), event);
        } catch (Exception e) {
            throw new IllegalStateException("Stored event " + stored.eventId() + " cannot be read", e);
        }
    }
}
