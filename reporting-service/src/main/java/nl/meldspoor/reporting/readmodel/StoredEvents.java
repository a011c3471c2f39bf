package nl.meldspoor.reporting.readmodel;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.springframework.stereotype.Component;

/** Reads the events a read model keeps as published back into the published language. */
@Component
public class StoredEvents {

    private final ObjectMapper json;

    public StoredEvents(ObjectMapper json) {
        this.json = json;
    }

    public <T> List<T> read(List<StoredEvent> stored, Class<T> as) {
        return stored.stream().map(event -> read(event, as)).toList();
    }

    public <T> T read(StoredEvent stored, Class<T> as) {
        try {
            return as.cast(json.readValue(stored.json(), Class.forName(stored.type())));
        } catch (Exception e) {
            throw new IllegalStateException("Stored event " + stored.eventId() + " cannot be read", e);
        }
    }
}
