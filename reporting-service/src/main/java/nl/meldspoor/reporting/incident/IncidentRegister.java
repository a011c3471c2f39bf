package nl.meldspoor.reporting.incident;

import nl.meldspoor.api.incident.IncidentEvent;
import nl.meldspoor.api.incident.MeldplichtStep;
import nl.meldspoor.api.incident.ParentsInformed;
import nl.meldspoor.api.incident.state.IncidentFile;
import nl.meldspoor.platform.consuming.StoredEvents;
import nl.meldspoor.reporting.readmodel.AggregateDocumentReadModel;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.stereotype.Component;

/**
 * The incident register read model (DOMAIN.md §3): per school, chronological, for the directeur's
 * yearly analysis, the clusterdirectie's monitoring and the inspectie. Each incident's register line is
 * derived anew from its events with the same fold the signal-service uses.
 */
@Component
public class IncidentRegister extends AggregateDocumentReadModel<IncidentRecord> {

    public static final String NAME = "incident-register";

    private final StoredEvents storedEvents;

    public IncidentRegister(MongoTemplate mongo, MongoMappingContext mappingContext, StoredEvents storedEvents) {
        super(mongo, mappingContext, IncidentRecord.class, IncidentRecord.COLLECTION);
        this.storedEvents = storedEvents;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected boolean accepts(Object payload) {
        return payload instanceof IncidentEvent;
    }

    @Override
    protected IncidentRecord start(String incidentId) {
        return IncidentRecord.start(incidentId);
    }

    @Override
    protected void summarise(IncidentRecord record) {
        IncidentFile file = new IncidentFile();
        storedEvents.read(record.events(), IncidentEvent.class).forEach(file::apply);
        record.summarise(line(file), file.recordedBy() == null ? null : file.recordedBy().personId());
    }

    static IncidentLine line(IncidentFile file) {
        ParentsInformed first = file.parentsInformed().isEmpty() ? null : file.parentsInformed().get(0);
        int steps = file.bullyingSteps().size() + file.unsafeBehaviourActions().size() + file.meldplichtSteps().size();
        Integer minutesToBoard = file.meldplichtStep(MeldplichtStep.BOARD_INFORMED)
                .map(step -> step.minutesSinceFirstKnown()).orElse(null);
        return new IncidentLine(file.incidentId(), file.schoolId(), file.report().occurredAt(), file.firstKnownAt(), file.recordedAt(),
                file.report().type(), file.report().severity(), file.track(), file.meldplicht(), file.status(), ProtocolStatus.of(file),
                steps, first == null ? null : first.how(), first == null ? null : first.informedAt(), file.report().policeInvolved(),
                minutesToBoard, file.closure().map(closed -> closed.occurredAt()).orElse(null));
    }
}
