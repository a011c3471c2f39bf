package nl.meldspoor.reporting.incident;

import java.util.ArrayList;
import java.util.List;
import nl.meldspoor.reporting.readmodel.StoredEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** One incident on the read side: its events as published and its register line, derived from them. */
@Document(IncidentRecord.COLLECTION)
@CompoundIndex(name = "school_occurred", def = "{'schoolId': 1, 'line.occurredAt': 1}")
@CompoundIndex(name = "school_type_occurred", def = "{'schoolId': 1, 'line.type': 1, 'line.occurredAt': 1}")
public class IncidentRecord {

    public static final String COLLECTION = "incident_register";

    @Id
    private String incidentId;
    @Version
    private Long version;
    private String schoolId;
    private long appliedSequence = -1;
    private List<StoredEvent> events = new ArrayList<>();
    private IncidentLine line;

    protected IncidentRecord() {
    }

    static IncidentRecord start(String incidentId) {
        IncidentRecord record = new IncidentRecord();
        record.incidentId = incidentId;
        return record;
    }

    boolean alreadyApplied(long sequence) {
        return sequence <= appliedSequence;
    }

    void append(StoredEvent event) {
        events.add(event);
        appliedSequence = event.sequence();
    }

    void summarise(IncidentLine line) {
        this.schoolId = line.schoolId();
        this.line = line;
    }

    public List<StoredEvent> events() {
        return events;
    }

    public IncidentLine line() {
        return line;
    }
}
