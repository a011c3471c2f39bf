package nl.meldspoor.casework.meldcase.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import nl.meldspoor.api.meldcase.RecordedCaseEvent;
import nl.meldspoor.casework.CaseServiceProperties;
import nl.meldspoor.casework.meldcase.state.TimelineEntry;
import nl.meldspoor.platform.web.WrittenJson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Each event's timeline entry as the answer's JSON, written once and kept for the events read last: a long case's
 * timeline is a thousand entries that never change, and writing them per request was most of the request's time.
 *
 * <p>An entry is kept with the very event object it was written from and is used only for that object: the kept
 * histories ({@code CaseHistory}) hand out the same objects until a case's texts are erased, when the history is read
 * again into new objects — their entries are then written again, with the texts erased.
 */
@Component
class WrittenTimelineEntries {

    private final ObjectMapper json;
    private final int maxEntries;
    private final LinkedHashMap<String, Written> byEvent = new LinkedHashMap<>(16, 0.75f, true);

    private record Written(RecordedCaseEvent source, RawValue json) {
    }

    @Autowired
    WrittenTimelineEntries(ObjectMapper json, CaseServiceProperties properties) {
        this(json, properties.historyCacheEvents());
    }

    /** @param maxEntries how many entries are kept in all, the least recently read going first (0: none) */
    WrittenTimelineEntries(ObjectMapper json, int maxEntries) {
        this.json = json;
        this.maxEntries = maxEntries;
    }

    /** The events' timeline entries as JSON, in order: kept ones as kept, the others written now (and kept). */
    List<RawValue> of(List<RecordedCaseEvent> events) {
        RawValue[] entries = new RawValue[events.size()];
        synchronized (this) {
            for (int i = 0; i < entries.length; i++) {
                Written kept = byEvent.get(events.get(i).eventId());
                entries[i] = kept != null && kept.source() == events.get(i) ? kept.json() : null;
            }
        }
        List<Written> written = new ArrayList<>();
        for (int i = 0; i < entries.length; i++) {
            if (entries[i] == null) {
                entries[i] = write(events.get(i));
                written.add(new Written(events.get(i), entries[i]));
            }
        }
        keep(written);
        return Arrays.asList(entries);
    }

    private RawValue write(RecordedCaseEvent event) {
        try {
            return WrittenJson.of(json.writeValueAsBytes(TimelineEntry.of(event)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the timeline entry of event " + event.eventId(), e);
        }
    }

    private synchronized void keep(List<Written> written) {
        if (maxEntries <= 0 || written.isEmpty()) {
            return;
        }
        written.forEach(entry -> byEvent.put(entry.source().eventId(), entry));
        var eldestFirst = byEvent.entrySet().iterator();
        while (byEvent.size() > maxEntries && eldestFirst.hasNext()) {
            eldestFirst.next();
            eldestFirst.remove();
        }
    }

    synchronized int kept() {
        return byEvent.size();
    }
}
