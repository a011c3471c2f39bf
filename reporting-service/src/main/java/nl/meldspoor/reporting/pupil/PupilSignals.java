package nl.meldspoor.reporting.pupil;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.meldspoor.api.signal.PupilFileEvent;
import nl.meldspoor.api.signal.SignalCorrected;
import nl.meldspoor.api.signal.SignalRecorded;
import nl.meldspoor.api.signal.SignalsEscalated;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.platform.consuming.StoredEvents;
import nl.meldspoor.reporting.pupil.fold.PupilFiles;
import nl.meldspoor.reporting.readmodel.AggregateDocumentReadModel;
import nl.meldspoor.reporting.readmodel.Generations;
import nl.meldspoor.reporting.readmodel.ReportingProperties;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.stereotype.Component;

/**
 * The pupils' signals read model: per pupil a view of the signal facts (for the dashboards and the sibling
 * lines), updated from the view before it and the one new event, and the pupil's file one document per event
 * for the IB'er's overview of a pupil (earlier years and siblings included).
 */
@Component
public class PupilSignals extends AggregateDocumentReadModel<PupilRecord> {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PupilSignals.class);

    public static final String NAME = "pupil-signals";
    public static final String HISTORY = "pupil_signal_history";

    /** Format 3: each view carries the pupil's file; views of format 2 are replaced by a rebuild at startup. */
    static final int VIEW_FORMAT = 3;

    private final com.fasterxml.jackson.databind.ObjectMapper json;

    public PupilSignals(MongoTemplate mongo, MongoMappingContext mappingContext, Generations generations, StoredEvents storedEvents,
                        com.fasterxml.jackson.databind.ObjectMapper json) {
        super(mongo, mappingContext, generations, storedEvents, PupilFileEvent.class, PupilRecord.class, PupilRecord.COLLECTION);
        this.json = json;
    }

    @Override
    public int viewFormat() {
        return VIEW_FORMAT;
    }

    /** The stored file of a pupil's view; empty for a view written before files were stored. */
    public java.util.Optional<PupilFiles> file(PupilRecord record) {
        if (record.appliedFile() != null) {
            return java.util.Optional.of(record.appliedFile());
        }
        if (record.fileJson() == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(json.readValue(record.fileJson(), PupilFiles.class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A stored pupil file cannot be read", e);
        }
    }

    @Override
    protected void beforeWrite(PupilRecord record) {
        if (record.appliedFile() != null) {
            try {
                record.fileEncoded(json.writeValueAsString(record.appliedFile()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("A pupil file cannot be stored", e);
            }
        }
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
        return payload instanceof PupilFileEvent;
    }

    @Override
    protected PupilRecord start(String pupilRef) {
        return PupilRecord.start(pupilRef);
    }

    @Override
    protected String historyCollection() {
        return HISTORY;
    }

    @Override
    protected void update(PupilRecord record, PublishedEvent published) {
        PupilFileEvent event = (PupilFileEvent) published.payload();
        // the file follows the view event by event; a view that applied events before it carried one gets none (folded on request)
        java.util.Optional<PupilFiles> before = file(record);
        if (before.isPresent() || record.appliedSequence() < 0) {
            try {
                record.fileApplied(before.orElseGet(PupilFiles::new).apply(event));
            } catch (RuntimeException unexpected) {
                // an event the file cannot follow must not stop the read model: this pupil's file is folded on request
                // from now on, which fails there as it did before files were stored
                log.warn("Pupil file of {} cannot follow event {} ({}); it is folded on request from now on", record.pupilRef(),
                        published.sequence(), unexpected.toString());
                record.fileApplied(null);
                record.fileEncoded(null);
            }
        }
        List<SignalFact> facts = new ArrayList<>(record.signals());
        Set<String> schools = new LinkedHashSet<>(record.schoolIds());
        String familyRef = record.familyRef();
        schools.add(event.schoolId());
        if (event instanceof SignalRecorded recorded) {
            familyRef = recorded.familyRef() != null ? recorded.familyRef() : familyRef;
            SignalFact fact = new SignalFact(recorded.signalId(), recorded.schoolId(), recorded.occurredAt(),
                    recorded.content().category(), recorded.urgentPath(), false);
            int at = indexOf(facts, recorded.signalId());
            if (at < 0) {
                facts.add(fact);
            } else {
                facts.set(at, fact);
            }
        } else if (event instanceof SignalCorrected corrected) {
            int at = indexOf(facts, corrected.signalId());
            if (at >= 0) {
                SignalFact fact = facts.get(at);
                facts.set(at, new SignalFact(fact.signalId(), fact.schoolId(), fact.recordedAt(), corrected.correctedContent().category(),
                        fact.urgent(), fact.escalated()));
            }
        } else if (event instanceof SignalsEscalated escalated) {
            Set<String> ids = escalated.signals().stream().map(signal -> signal.signalId()).collect(Collectors.toSet());
            facts.replaceAll(fact -> ids.contains(fact.signalId())
                    ? new SignalFact(fact.signalId(), fact.schoolId(), fact.recordedAt(), fact.category(), fact.urgent(), true) : fact);
        }
        record.summarise(familyRef, new ArrayList<>(schools), facts);
    }

    private static int indexOf(List<SignalFact> facts, String signalId) {
        for (int i = 0; i < facts.size(); i++) {
            if (facts.get(i).signalId().equals(signalId)) {
                return i;
            }
        }
        return -1;
    }
}
