package nl.meldspoor.reporting.incident;

import java.util.List;
import nl.meldspoor.api.incident.IncidentEvent;
import nl.meldspoor.api.incident.MeldplichtStep;
import nl.meldspoor.api.incident.ParentsInformed;
import nl.meldspoor.api.incident.state.IncidentFile;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.reporting.readmodel.ReadModel;
import nl.meldspoor.reporting.readmodel.StoredEvent;
import nl.meldspoor.reporting.readmodel.StoredEvents;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.MongoPersistentEntityIndexResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.stereotype.Component;

/**
 * The incident register read model (DOMAIN.md §3): per school, chronological, for the directeur's
 * yearly analysis, the clusterdirectie's monitoring and the inspectie. Each incident's register line is
 * derived anew from its events with the same fold the signal-service uses.
 */
@Component
public class IncidentRegister implements ReadModel {

    public static final String NAME = "incident-register";

    private final MongoTemplate mongo;
    private final MongoMappingContext mappingContext;
    private final StoredEvents storedEvents;

    public IncidentRegister(MongoTemplate mongo, MongoMappingContext mappingContext, StoredEvents storedEvents) {
        this.mongo = mongo;
        this.mappingContext = mappingContext;
        this.storedEvents = storedEvents;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> collections() {
        return List.of(IncidentRecord.COLLECTION);
    }

    @Override
    public void prepareStorage() {
        var indexes = mongo.indexOps(IncidentRecord.class);
        new MongoPersistentEntityIndexResolver(mappingContext).resolveIndexFor(IncidentRecord.class).forEach(indexes::ensureIndex);
    }

    @Override
    public void apply(PublishedEvent event) {
        if (!(event.payload() instanceof IncidentEvent)) {
            return;
        }
        IncidentRecord record = mongo.findById(event.aggregateId(), IncidentRecord.class);
        if (record == null) {
            record = IncidentRecord.start(event.aggregateId());
        }
        if (record.alreadyApplied(event.sequence())) {
            return;
        }
        record.append(StoredEvent.of(event));
        IncidentFile file = new IncidentFile();
        storedEvents.read(record.events(), IncidentEvent.class).forEach(file::apply);
        record.summarise(line(file));
        mongo.save(record);
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
