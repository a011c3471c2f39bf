package nl.meldspoor.platform.consuming;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** Reads events a consumer keeps as published back into the published language. */
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
