package nl.meldspoor.reporting.pupil;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.meldspoor.api.signal.PupilFileEvent;
import nl.meldspoor.api.signal.SignalCorrected;
import nl.meldspoor.api.signal.SignalRecorded;
import nl.meldspoor.api.signal.SignalsEscalated;
import nl.meldspoor.platform.consuming.StoredEvents;
import nl.meldspoor.reporting.readmodel.AggregateDocumentReadModel;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.stereotype.Component;

/**
 * The pupils' signals read model: each pupil's file in one document, for the IB'er's overview of a
 * pupil (earlier years and siblings included) and the signal figures of the dashboards.
 */
@Component
public class PupilSignals extends AggregateDocumentReadModel<PupilRecord> {

    public static final String NAME = "pupil-signals";

    private final StoredEvents storedEvents;

    public PupilSignals(MongoTemplate mongo, MongoMappingContext mappingContext, StoredEvents storedEvents) {
        super(mongo, mappingContext, PupilRecord.class, PupilRecord.COLLECTION);
        this.storedEvents = storedEvents;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected boolean accepts(Object payload) {
        return payload instanceof PupilFileEvent;
    }

    @Override
    protected PupilRecord start(String pupilRef) {
        return PupilRecord.start(pupilRef);
    }

    @Override
    protected void summarise(PupilRecord record) {
        List<PupilFileEvent> events = storedEvents.read(record.events(), PupilFileEvent.class);
        Map<String, SignalFact> facts = new LinkedHashMap<>();
        Set<String> schools = new LinkedHashSet<>();
        String familyRef = record.familyRef();
        for (PupilFileEvent event : events) {
            schools.add(event.schoolId());
            if (event instanceof SignalRecorded recorded) {
                familyRef = recorded.familyRef() != null ? recorded.familyRef() : familyRef;
                facts.put(recorded.signalId(), new SignalFact(recorded.signalId(), recorded.schoolId(), recorded.occurredAt(),
                        recorded.content().category(), recorded.urgentPath(), false));
            } else if (event instanceof SignalCorrected corrected) {
                facts.computeIfPresent(corrected.signalId(), (id, fact) -> new SignalFact(id, fact.schoolId(), fact.recordedAt(),
                        corrected.correctedContent().category(), fact.urgent(), fact.escalated()));
            } else if (event instanceof SignalsEscalated escalated) {
                Set<String> ids = escalated.signals().stream().map(signal -> signal.signalId()).collect(Collectors.toSet());
                facts.replaceAll((id, fact) -> ids.contains(id)
                        ? new SignalFact(id, fact.schoolId(), fact.recordedAt(), fact.category(), fact.urgent(), true) : fact);
            }
        }
        record.summarise(familyRef, new ArrayList<>(schools), new ArrayList<>(facts.values()));
    }
}
