package nl.meldspoor.reporting.meldcase;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.meldspoor.api.meldcase.CaseClosed;
import nl.meldspoor.api.meldcase.CaseOutcome;
import nl.meldspoor.api.meldcase.HelpStarted;
import nl.meldspoor.api.meldcase.MeldcodeCaseEvent;
import nl.meldspoor.api.meldcase.ReportRecorded;
import nl.meldspoor.api.meldcase.VeiligThuisConsulted;
import nl.meldspoor.api.meldcase.state.CaseFile;
import nl.meldspoor.api.meldcase.state.Deadlines;
import nl.meldspoor.api.meldcase.state.MeldcodeStep;
import nl.meldspoor.api.meldcase.state.RecordedCaseEvent;
import nl.meldspoor.reporting.rapportage.DocumentationCheck;
import nl.meldspoor.reporting.readmodel.AggregateDocumentReadModel;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.stereotype.Component;

/**
 * The meldcode cases read model (dossiers, rapportage and the dashboards' case figures): each case's
 * events in one document, with everything derived from them recomputed on every new event. Because
 * the document is written once per event and carries the sequence it has applied, a redelivered or
 * replayed event changes nothing, without transactions.
 */
@Component
public class MeldcodeCases extends AggregateDocumentReadModel<CaseRecord> {

    public static final String NAME = "meldcode-cases";

    private final CaseEvents caseEvents;
    private final Deadlines deadlines;

    public MeldcodeCases(MongoTemplate mongo, MongoMappingContext mappingContext, CaseEvents caseEvents, Deadlines deadlines) {
        super(mongo, mappingContext, CaseRecord.class, CaseRecord.COLLECTION);
        this.caseEvents = caseEvents;
        this.deadlines = deadlines;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected boolean accepts(Object payload) {
        return payload instanceof MeldcodeCaseEvent;
    }

    @Override
    protected CaseRecord start(String caseId) {
        return CaseRecord.start(caseId);
    }

    @Override
    protected void summarise(CaseRecord record) {
        List<RecordedCaseEvent> history = caseEvents.read(record.events());
        List<MeldcodeCaseEvent> events = history.stream().map(RecordedCaseEvent::event).toList();
        CaseFile file = new CaseFile();
        events.forEach(file::apply);
        MeldcodeCaseEvent first = events.get(0);
        Instant closedAt = file.isClosed() ? lastOf(events, CaseClosed.class) : null;
        record.summarise(
                file.schoolId() != null ? file.schoolId() : first.schoolId(),
                file.pupilRef() != null ? file.pupilRef() : first.pupilRef(),
                file.status() == null ? "OPEN" : file.status().name(),
                file.currentStep(),
                file.isClosed() ? null : file.afwegingskader().nextQuestion().map(Enum::name).orElse(null),
                file.openedAt() != null ? file.openedAt() : first.occurredAt(),
                file.lastActivityAt(),
                closedAt,
                file.closure().map(closure -> closure.outcome().name()).orElse(null),
                facts(file, events, closedAt));
    }

    private CaseFacts facts(CaseFile file, List<MeldcodeCaseEvent> events, Instant closedAt) {
        Instant[] reached = new Instant[6];
        List<Instant> advice = new ArrayList<>();
        List<Instant> reports = new ArrayList<>();
        List<Instant> help = new ArrayList<>();
        for (MeldcodeCaseEvent event : events) {
            MeldcodeStep.workedOn(event).ifPresent(step -> {
                if (reached[step] == null) {
                    reached[step] = event.occurredAt();
                }
            });
            if (event instanceof VeiligThuisConsulted) {
                advice.add(event.occurredAt());
            } else if (event instanceof ReportRecorded report) {
                reports.add(report.report().reportedAt());
            } else if (event instanceof HelpStarted) {
                help.add(event.occurredAt());
            }
        }
        boolean withoutSuspicion = file.closure().map(closure -> closure.outcome() == CaseOutcome.NO_SUSPICION).orElse(false);
        return new CaseFacts(new StepDates(reached[1], reached[2], reached[3], reached[4], reached[5]), advice, reports, help,
                withoutSuspicion ? closedAt : null, deadlines.open(file), DocumentationCheck.of(file, events));
    }

    private static Instant lastOf(List<MeldcodeCaseEvent> events, Class<?> type) {
        Instant last = null;
        for (MeldcodeCaseEvent event : events) {
            if (type.isInstance(event)) {
                last = event.occurredAt();
            }
        }
        return last;
    }
}
