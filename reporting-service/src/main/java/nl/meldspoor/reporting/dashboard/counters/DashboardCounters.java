package nl.meldspoor.reporting.dashboard.counters;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import nl.meldspoor.api.incident.IncidentEvent;
import nl.meldspoor.api.incident.Severity;
import nl.meldspoor.reporting.incident.fold.IncidentFile;
import nl.meldspoor.api.meldcase.CaseClosed;
import nl.meldspoor.api.meldcase.CaseOutcome;
import nl.meldspoor.api.meldcase.HelpStarted;
import nl.meldspoor.api.meldcase.MeldcodeCaseEvent;
import nl.meldspoor.api.meldcase.ReportRecorded;
import nl.meldspoor.api.meldcase.VeiligThuisConsulted;
import nl.meldspoor.reporting.meldcase.fold.CaseFile;
import nl.meldspoor.api.meldcase.Deadline;
import nl.meldspoor.reporting.meldcase.fold.Deadlines;
import nl.meldspoor.api.meldcase.MeldcodeStep;
import nl.meldspoor.api.signal.PupilFileEvent;
import nl.meldspoor.api.signal.SignalCategory;
import nl.meldspoor.api.signal.SignalCorrected;
import nl.meldspoor.api.signal.SignalRecorded;
import nl.meldspoor.api.signal.SignalsEscalated;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.platform.consuming.StoredEvent;
import nl.meldspoor.platform.consuming.StoredEvents;
import nl.meldspoor.reporting.rapportage.Documentation;
import nl.meldspoor.reporting.rapportage.DocumentationCheck;
import nl.meldspoor.reporting.rapportage.StepDocumentation;
import nl.meldspoor.reporting.rapportage.StepStatus;
import nl.meldspoor.reporting.readmodel.ReadModel;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.MongoPersistentEntityIndexResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.stereotype.Component;

/**
 * The dashboards' read model: counters per school and calendar month (per day inside it) of cases opened,
 * advice asked, reports, help, cases closed without suspicion, documentation per step, steps reached, signals by
 * category, urgency and escalation, incidents by type, severity and meldplicht — plus the step-duration samples
 * the medians need and the due dates of the cases open now. A dashboard reads a few documents per school and
 * month instead of every case, pupil and incident.
 *
 * <p>Each aggregate's contribution to a school month is stored in that month's document under the aggregate's
 * id and the sums are recomputed from the contributions on each write: writing is replacing, so a redelivered
 * event, a crash between two writes (repaired when the event comes again) or a rebuild from offset 0 counts
 * nothing twice, without transactions. Idempotent by aggregate sequence number; events after a gap wait for the
 * missing one.
 */
@Component
public class DashboardCounters implements ReadModel {

    public static final String NAME = "dashboard-counters";
    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final double SECONDS_PER_DAY = Duration.ofDays(1).toSeconds();

    private final MongoTemplate mongo;
    private final MongoMappingContext mappingContext;
    private final StoredEvents storedEvents;
    private final Deadlines deadlines;

    public DashboardCounters(MongoTemplate mongo, MongoMappingContext mappingContext, StoredEvents storedEvents, Deadlines deadlines) {
        this.mongo = mongo;
        this.mappingContext = mappingContext;
        this.storedEvents = storedEvents;
        this.deadlines = deadlines;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> collections() {
        return List.of(MonthCounters.COLLECTION, CounterSource.COLLECTION, OpenCase.COLLECTION);
    }

    @Override
    public void prepareStorage() {
        for (Class<?> type : List.of(MonthCounters.class, OpenCase.class)) {
            var indexes = mongo.indexOps(type);
            new MongoPersistentEntityIndexResolver(mappingContext).resolveIndexFor(type).forEach(indexes::ensureIndex);
        }
    }

    @Override
    public void apply(PublishedEvent event) {
        Object payload = event.payload();
        if (!(payload instanceof MeldcodeCaseEvent || payload instanceof PupilFileEvent || payload instanceof IncidentEvent)) {
            return;
        }
        CounterSource source = mongo.findById(event.aggregateId(), CounterSource.class);
        if (source == null) {
            source = new CounterSource(event.aggregateId());
        }
        boolean applied = source.take(StoredEvent.of(event));
        if (!applied && event.sequence() > source.appliedSequence()) {
            mongo.save(source); // waits for the missing event
            return;
        }
        if (source.events().isEmpty()) {
            return;
        }
        Derived derived = derive(payload, source.aggregateId(), source.events());
        Set<String> months = source.contributedTo(derived.byMonth().keySet());
        if (applied) {
            mongo.save(source);
        }
        // also when the event was applied before: the write is a replacement, and repairs a crash after the save above
        for (String month : months) {
            write(month, derived.byMonth().getOrDefault(month, new Contribution(source.aggregateId(), List.of(), List.of())));
        }
        if (payload instanceof MeldcodeCaseEvent) {
            if (derived.open() == null) {
                mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id").is(source.aggregateId())), OpenCase.class);
            } else {
                mongo.save(derived.open());
            }
        }
    }

    /** Replaces the aggregate's contribution to one school month and sums the month again. */
    private void write(String monthId, Contribution contribution) {
        MonthCounters month = mongo.findById(monthId, MonthCounters.class);
        List<Contribution> sources = new ArrayList<>(month == null ? List.of() : month.sources());
        sources.removeIf(existing -> existing.aggregateId().equals(contribution.aggregateId()));
        if (!contribution.isEmpty()) {
            sources.add(contribution);
        }
        // in a fixed order, so that the stored sums do not depend on the order the aggregates came in
        sources.sort(java.util.Comparator.comparing(Contribution::aggregateId));
        if (sources.isEmpty()) {
            if (month != null) {
                mongo.remove(month);
            }
            return;
        }
        Map<Integer, Map<String, Integer>> days = new TreeMap<>();
        List<SampleEntry> samples = new ArrayList<>();
        for (Contribution source : sources) {
            source.counts().forEach(entry -> days.computeIfAbsent(entry.day(), day -> new TreeMap<>()).merge(entry.counter(), entry.amount(), Integer::sum));
            samples.addAll(source.samples());
        }
        int separator = monthId.lastIndexOf('|');
        mongo.save(new MonthCounters(monthId, monthId.substring(0, separator), monthId.substring(separator + 1),
                days.entrySet().stream().map(day -> new DayCounts(day.getKey(), day.getValue())).toList(), samples, sources));
    }

    /** The aggregate's contributions per school month and, for an open case, its open deadlines. */
    record Derived(Map<String, Contribution> byMonth, OpenCase open) {
    }

    private Derived derive(Object payload, String aggregateId, List<StoredEvent> stored) {
        Builder builder = new Builder(aggregateId);
        if (payload instanceof MeldcodeCaseEvent) {
            return caseFigures(builder, storedEvents.read(stored, MeldcodeCaseEvent.class));
        }
        if (payload instanceof PupilFileEvent) {
            signalFigures(builder, storedEvents.read(stored, PupilFileEvent.class));
        } else {
            incidentFigures(builder, storedEvents.read(stored, IncidentEvent.class));
        }
        return new Derived(builder.build(), null);
    }

    private Derived caseFigures(Builder builder, List<MeldcodeCaseEvent> events) {
        CaseFile file = new CaseFile();
        events.forEach(file::apply);
        MeldcodeCaseEvent first = events.get(0);
        String school = file.schoolId() != null ? file.schoolId() : first.schoolId();
        Instant openedAt = file.openedAt() != null ? file.openedAt() : first.occurredAt();
        Instant[] reached = new Instant[6];
        Instant closedAt = null;
        for (MeldcodeCaseEvent event : events) {
            MeldcodeStep.workedOn(event).ifPresent(step -> {
                if (reached[step] == null) {
                    reached[step] = event.occurredAt();
                }
            });
            if (event instanceof VeiligThuisConsulted) {
                builder.count(school, event.occurredAt(), Counter.ADVICE);
            } else if (event instanceof ReportRecorded report) {
                builder.count(school, report.report().reportedAt(), Counter.REPORTS);
            } else if (event instanceof HelpStarted) {
                builder.count(school, event.occurredAt(), Counter.HELP);
            } else if (event instanceof CaseClosed) {
                closedAt = event.occurredAt();
            }
        }
        if (file.isClosed() && closedAt != null
                && file.closure().map(closure -> closure.outcome() == CaseOutcome.NO_SUSPICION).orElse(false)) {
            builder.count(school, closedAt, Counter.CLOSED_WITHOUT_SUSPICION);
        }
        // what is counted of the cases opened in a period is counted on the day the case was opened
        builder.count(school, openedAt, Counter.OPENED);
        Documentation documentation = DocumentationCheck.of(file, events);
        if (documentation.complete()) {
            builder.count(school, openedAt, Counter.DOCUMENTED);
        }
        for (int step = 1; step <= 5; step++) {
            StepStatus status = status(documentation, step);
            if (status == StepStatus.COMPLETE || status == StepStatus.IN_PROGRESS) {
                builder.count(school, openedAt, Counter.documentedStep(step));
            }
            if (step > 1 && (status == StepStatus.COMPLETE || status == StepStatus.INCOMPLETE || status == StepStatus.IN_PROGRESS)) {
                builder.count(school, openedAt, Counter.reachedStep(step));
            }
        }
        for (int step = 1; step < 5; step++) {
            if (reached[step] != null && reached[step + 1] != null) {
                builder.sample(school, openedAt, step, days(reached[step], reached[step + 1]));
            }
        }
        OpenCase open = file.isClosed() ? null : new OpenCase(builder.aggregateId, school, openedAt,
                deadlines.open(file).stream().map(Deadline::due).map(LocalDate::toString).toList());
        return new Derived(builder.build(), open);
    }

    private static StepStatus status(Documentation documentation, int step) {
        return documentation.steps().stream().filter(documented -> documented.step() == step)
                .map(StepDocumentation::status).findFirst().orElse(step == 1 ? StepStatus.INCOMPLETE : StepStatus.NOT_YET);
    }

    /** The same fold as the pupil's signals: a correction changes the category, an escalation marks the signals. */
    private static void signalFigures(Builder builder, List<PupilFileEvent> events) {
        record Signal(String schoolId, Instant recordedAt, SignalCategory category, boolean urgent, boolean escalated) {
        }
        Map<String, Signal> signals = new LinkedHashMap<>();
        for (PupilFileEvent event : events) {
            if (event instanceof SignalRecorded recorded) {
                signals.put(recorded.signalId(), new Signal(recorded.schoolId(), recorded.occurredAt(), recorded.content().category(),
                        recorded.urgentPath(), false));
            } else if (event instanceof SignalCorrected corrected) {
                signals.computeIfPresent(corrected.signalId(), (id, signal) -> new Signal(signal.schoolId(), signal.recordedAt(),
                        corrected.correctedContent().category(), signal.urgent(), signal.escalated()));
            } else if (event instanceof SignalsEscalated escalated) {
                Set<String> ids = escalated.signals().stream().map(signal -> signal.signalId()).collect(Collectors.toSet());
                signals.replaceAll((id, signal) -> ids.contains(id)
                        ? new Signal(signal.schoolId(), signal.recordedAt(), signal.category(), signal.urgent(), true) : signal);
            }
        }
        for (Signal signal : signals.values()) {
            builder.count(signal.schoolId(), signal.recordedAt(), Counter.SIGNALS);
            builder.count(signal.schoolId(), signal.recordedAt(), Counter.category(signal.category()));
            if (signal.urgent()) {
                builder.count(signal.schoolId(), signal.recordedAt(), Counter.URGENT);
            }
            if (signal.escalated()) {
                builder.count(signal.schoolId(), signal.recordedAt(), Counter.ESCALATED);
            }
        }
    }

    private static void incidentFigures(Builder builder, List<IncidentEvent> events) {
        IncidentFile file = new IncidentFile();
        events.forEach(file::apply);
        if (file.report() == null) {
            return;
        }
        Instant occurredAt = file.report().occurredAt();
        builder.count(file.schoolId(), occurredAt, Counter.INCIDENTS);
        builder.count(file.schoolId(), occurredAt, Counter.type(file.report().type()));
        if (file.report().severity() == Severity.SERIOUS) {
            builder.count(file.schoolId(), occurredAt, Counter.SERIOUS);
        }
        if (file.meldplicht()) {
            builder.count(file.schoolId(), occurredAt, Counter.MELDPLICHT);
        }
    }

    /** Days between reaching two steps, as the median per step takes them. */
    static double days(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toSeconds()) / SECONDS_PER_DAY;
    }

    /** Collects one aggregate's contributions by school month. */
    private static final class Builder {
        private final String aggregateId;
        private final Map<String, List<CounterEntry>> counts = new LinkedHashMap<>();
        private final Map<String, List<SampleEntry>> samples = new LinkedHashMap<>();

        Builder(String aggregateId) {
            this.aggregateId = aggregateId;
        }

        void count(String schoolId, Instant moment, int counter) {
            if (schoolId == null || moment == null) {
                return;
            }
            LocalDate day = moment.atZone(AMSTERDAM).toLocalDate();
            counts.computeIfAbsent(monthOf(schoolId, day), key -> new ArrayList<>()).add(new CounterEntry(day.getDayOfMonth(), Counter.name(counter), 1));
        }

        void sample(String schoolId, Instant openedAt, int fromStep, double days) {
            LocalDate day = openedAt.atZone(AMSTERDAM).toLocalDate();
            samples.computeIfAbsent(monthOf(schoolId, day), key -> new ArrayList<>()).add(new SampleEntry(day.getDayOfMonth(), fromStep, days));
        }

        Map<String, Contribution> build() {
            Set<String> months = new LinkedHashSet<>(counts.keySet());
            months.addAll(samples.keySet());
            Map<String, Contribution> byMonth = new LinkedHashMap<>();
            for (String month : months) {
                byMonth.put(month, new Contribution(aggregateId, counts.getOrDefault(month, List.of()), samples.getOrDefault(month, List.of())));
            }
            return byMonth;
        }

        private static String monthOf(String schoolId, LocalDate day) {
            return MonthCounters.idOf(schoolId, YearMonth.from(day).toString());
        }
    }
}
