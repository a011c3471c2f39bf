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
import nl.meldspoor.platform.consuming.StoredEvents;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.reporting.readmodel.AggregateDocumentReadModel;
import nl.meldspoor.reporting.readmodel.Generations;
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

    public static final String NAME = "pupil-signals";
    public static final String HISTORY = "pupil_signal_history";

    public PupilSignals(MongoTemplate mongo, MongoMappingContext mappingContext, Generations generations, StoredEvents storedEvents) {
        super(mongo, mappingContext, generations, storedEvents, PupilFileEvent.class, PupilRecord.class, PupilRecord.COLLECTION);
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
    protected String historyCollection() {
        return HISTORY;
    }

    @Override
    protected void update(PupilRecord record, PublishedEvent published) {
        PupilFileEvent event = (PupilFileEvent) published.payload();
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
