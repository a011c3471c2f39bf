package nl.meldspoor.reporting.meldcase;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.meldspoor.api.meldcase.CaseOutcome;
import nl.meldspoor.api.meldcase.HelpStarted;
import nl.meldspoor.api.meldcase.MeldcodeCaseEvent;
import nl.meldspoor.api.meldcase.MeldcodeStep;
import nl.meldspoor.api.meldcase.RecordedCaseEvent;
import nl.meldspoor.api.meldcase.ReportRecorded;
import nl.meldspoor.api.meldcase.VeiligThuisConsulted;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.platform.consuming.StoredEvents;
import nl.meldspoor.reporting.meldcase.fold.CaseDossier;
import nl.meldspoor.reporting.rapportage.DocumentationCheck;
import nl.meldspoor.reporting.readmodel.AggregateDocumentReadModel;
import nl.meldspoor.reporting.readmodel.Generations;
import nl.meldspoor.reporting.readmodel.ReportingProperties;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.stereotype.Component;

/**
 * The meldcode cases read model (dossiers, rapportage and the dashboards' case figures): per case a view
 * updated from the view before it and the one new event, and the case's history one document per event for
 * the dossier's timeline. The view carries the sequence it has applied, so a redelivered or replayed event
 * changes nothing, without transactions.
 */
@Component
public class MeldcodeCases extends AggregateDocumentReadModel<CaseRecord> {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MeldcodeCases.class);

    public static final String NAME = "meldcode-cases";
    public static final String HISTORY = "meldcode_case_history";

    /** Format 3: each view carries the case's dossier; views of format 2 are replaced by a rebuild at startup. */
    static final int VIEW_FORMAT = 3;

    private final CaseDeadlines deadlines;
    private final CaseDossiers dossiers;

    public MeldcodeCases(MongoTemplate mongo, MongoMappingContext mappingContext, Generations generations, StoredEvents storedEvents,
                         CaseDeadlines deadlines, CaseDossiers dossiers) {
        super(mongo, mappingContext, generations, storedEvents, MeldcodeCaseEvent.class, CaseRecord.class, CaseRecord.COLLECTION);
        this.deadlines = deadlines;
        this.dossiers = dossiers;
    }

    @Override
    public int viewFormat() {
        return VIEW_FORMAT;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Only the case-service publishes these events. */
    @Override
    public List<String> topics(ReportingProperties properties) {
        return List.of(properties.caseEventsTopic());
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
    protected String historyCollection() {
        return HISTORY;
    }

    @Override
    protected void update(CaseRecord record, PublishedEvent published) {
        MeldcodeCaseEvent event = (MeldcodeCaseEvent) published.payload();
        CaseProgress progress = record.progress();
        progress.apply(event);
        applyToDossier(record, published.sequence(), event);
        record.summarise(progress.schoolId, progress.pupilRef, progress.isClosed() ? "CLOSED" : "OPEN", progress.currentStep(),
                progress.isClosed() ? null : progress.nextQuestion().map(Enum::name).orElse(null),
                progress.openedAt, progress.lastActivityAt, progress.closedAt, progress.outcome, facts(record.facts(), progress, event));
    }

    /**
     * The dossier follows the view event by event. A view that applied events before it carried a dossier (one of an
     * older format, still served while the rebuild beside it catches up) gets none: its dossier is folded on request.
     */
    private void applyToDossier(CaseRecord record, long sequence, MeldcodeCaseEvent event) {
        Optional<CaseDossier> before = dossiers.of(record);
        if (before.isEmpty() && record.appliedSequence() >= 0) {
            return;
        }
        CaseDossier dossier = before.orElseGet(CaseDossier::new);
        try {
            dossier.apply(sequence, event);
            record.dossierApplied(dossier);
        } catch (RuntimeException unexpected) {
            // an event the dossier cannot follow must not stop the read model (the summary and counters go on): this
            // case's dossier is folded on request from now on, which fails there as it did before dossiers were stored
            log.warn("Dossier of case {} cannot follow event {} ({}); it is folded on request from now on", record.caseId(), sequence,
                    unexpected.toString());
            record.dossierApplied(null);
            record.dossierEncoded(null);
        }
    }

    @Override
    protected void beforeWrite(CaseRecord record) {
        if (record.unwrittenDossier() != null) {
            record.dossierEncoded(dossiers.write(record.unwrittenDossier()));
        }
    }

    private CaseFacts facts(CaseFacts before, CaseProgress progress, MeldcodeCaseEvent event) {
        StepDates reached = before == null ? new StepDates(null, null, null, null, null) : before.stepsReached();
        List<Instant> advice = new ArrayList<>(before == null ? List.of() : before.veiligThuisAdvice());
        List<Instant> reports = new ArrayList<>(before == null ? List.of() : before.reports());
        List<Instant> help = new ArrayList<>(before == null ? List.of() : before.helpStarted());
        var step = MeldcodeStep.workedOn(event);
        if (step.isPresent() && reached.of(step.getAsInt()) == null) {
            reached = reached.with(step.getAsInt(), event.occurredAt());
        }
        if (event instanceof VeiligThuisConsulted) {
            advice.add(event.occurredAt());
        } else if (event instanceof ReportRecorded report) {
            reports.add(report.report().reportedAt());
        } else if (event instanceof HelpStarted) {
            help.add(event.occurredAt());
        }
        boolean withoutSuspicion = progress.isClosed() && CaseOutcome.NO_SUSPICION.name().equals(progress.outcome);
        return new CaseFacts(reached, advice, reports, help, withoutSuspicion ? progress.closedAt : null, deadlines.open(progress),
                DocumentationCheck.of(progress));
    }
}
