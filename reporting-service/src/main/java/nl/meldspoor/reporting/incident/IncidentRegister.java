package nl.meldspoor.reporting.incident;

import nl.meldspoor.api.incident.IncidentEvent;
import nl.meldspoor.api.incident.MeldplichtStep;
import nl.meldspoor.api.incident.ParentsInformed;
import nl.meldspoor.reporting.incident.fold.IncidentFile;
import nl.meldspoor.platform.consuming.StoredEvents;
import nl.meldspoor.api.incident.IncidentTextErased;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.reporting.readmodel.AggregateDocumentReadModel;
import nl.meldspoor.reporting.readmodel.Generations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.stereotype.Component;

/**
 * The incident register read model (DOMAIN.md §3): per school, chronological, for the directeur's
 * yearly analysis, the clusterdirectie's monitoring and the inspectie. Each incident's register line is
 * updated from the line before it and the one new event, with the same meaning as the signal-service's fold.
 */
@Component
public class IncidentRegister extends AggregateDocumentReadModel<IncidentRecord> {

    public static final String NAME = "incident-register";

    public IncidentRegister(MongoTemplate mongo, MongoMappingContext mappingContext, Generations generations, StoredEvents storedEvents) {
        super(mongo, mappingContext, generations, storedEvents, IncidentEvent.class, IncidentRecord.class, IncidentRecord.COLLECTION);
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
    protected void update(IncidentRecord record, PublishedEvent event) {
        if (event.payload() instanceof IncidentTextErased) {
            return;
        }
        IncidentProgress progress = record.progress();
        progress.apply((IncidentEvent) event.payload());
        record.summarise(progress.line(), progress.recordedBy);
    }

    /** The register line from the incident's whole state, as the signal-service's fold sees it (kept for comparison in tests). */
    public static IncidentLine line(IncidentFile file) {
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
