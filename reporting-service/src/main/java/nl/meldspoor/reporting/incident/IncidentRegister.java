package nl.meldspoor.reporting.incident;

import java.util.List;
import nl.meldspoor.api.incident.IncidentEvent;
import nl.meldspoor.api.incident.IncidentTextErased;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.platform.consuming.StoredEvents;
import nl.meldspoor.reporting.readmodel.AggregateDocumentReadModel;
import nl.meldspoor.reporting.readmodel.Generations;
import nl.meldspoor.reporting.readmodel.ReportingProperties;
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

    /** Only the signal-service publishes these events. */
    @Override
    public List<String> topics(ReportingProperties properties) {
        return List.of(properties.signalEventsTopic());
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
}
