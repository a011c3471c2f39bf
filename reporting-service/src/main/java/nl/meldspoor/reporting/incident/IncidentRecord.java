package nl.meldspoor.reporting.incident;

import nl.meldspoor.reporting.readmodel.AggregateDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** One incident on the read side: its register line and the progress it is derived from, updated per event. */
@Document(IncidentRecord.COLLECTION)
@CompoundIndex(name = "school_occurred", def = "{'schoolId': 1, 'line.occurredAt': 1}")
@CompoundIndex(name = "school_type_occurred", def = "{'schoolId': 1, 'line.type': 1, 'line.occurredAt': 1}")
public class IncidentRecord extends AggregateDocument {

    public static final String COLLECTION = "incident_register";

    @Id
    private String incidentId;
    private String schoolId;
    private IncidentLine line;
    /** Who recorded it: a meldplicht incident's line is shown to its recorder (and the board and auditors) only. */
    private String recordedBy;
    private IncidentProgress progress = new IncidentProgress();

    protected IncidentRecord() {
    }

    static IncidentRecord start(String incidentId) {
        IncidentRecord record = new IncidentRecord();
        record.incidentId = incidentId;
        return record;
    }

    void summarise(IncidentLine line, String recordedBy) {
        this.schoolId = line.schoolId();
        this.line = line;
        this.recordedBy = recordedBy;
    }

    IncidentProgress progress() {
        return progress;
    }

    public IncidentLine line() {
        return line;
    }
}
