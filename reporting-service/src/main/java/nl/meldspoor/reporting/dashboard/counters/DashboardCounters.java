package nl.meldspoor.reporting.dashboard.counters;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.meldspoor.api.incident.IncidentEvent;
import nl.meldspoor.api.incident.Severity;
import nl.meldspoor.api.meldcase.HelpStarted;
import nl.meldspoor.api.meldcase.MeldcodeCaseEvent;
import nl.meldspoor.api.meldcase.ReportRecorded;
import nl.meldspoor.api.meldcase.VeiligThuisConsulted;
import nl.meldspoor.api.signal.PupilFileEvent;
import nl.meldspoor.api.signal.SignalCorrected;
import nl.meldspoor.api.signal.SignalRecorded;
import nl.meldspoor.api.signal.SignalsEscalated;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.platform.consuming.StoredEvent;
import nl.meldspoor.platform.consuming.StoredEvents;
import nl.meldspoor.reporting.dashboard.counters.CounterSource.SignalMark;
import nl.meldspoor.reporting.incident.IncidentProgress;
import nl.meldspoor.reporting.meldcase.CaseDeadlines;
import nl.meldspoor.reporting.meldcase.CaseProgress;
import nl.meldspoor.reporting.meldcase.StepDates;
import nl.meldspoor.reporting.rapportage.Documentation;
import nl.meldspoor.reporting.rapportage.DocumentationCheck;
import nl.meldspoor.reporting.rapportage.StepDocumentation;
import nl.meldspoor.reporting.rapportage.StepStatus;
import nl.meldspoor.reporting.readmodel.ApplyFailure;
import nl.meldspoor.reporting.readmodel.Generations;
import nl.meldspoor.reporting.readmodel.ReadModel;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.MongoPersistentEntityIndexResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.stereotype.Component;

/**
 * The dashboards' read model: counters per school and calendar month (totals, and per day inside it) of cases
 * opened, advice asked, reports, help, cases closed without suspicion, documentation per step, steps reached, signals
 * by category, urgency and escalation, incidents by type, severity and meldplicht — plus the step-duration samples
 * the medians need and the due dates of the cases open now. A dashboard reads a few documents per school and month
 * instead of every case, pupil and incident.
 *
 * <p>Per aggregate it keeps a small fold ({@link CounterSource}: the case's {@link CaseProgress}, the incident's
 * {@link IncidentProgress}, a pupil's signals without text) updated from itself and the one new event — never a
 * replay of the history. The aggregate's contributions to its school months are stored with its fold
 * ({@link Contribution}, {@link StoredFold}); a change is added to the month as the difference from the stored
 * contribution, in one atomic conditional update ({@code $inc} of the counts, with the aggregate's sequence number as a
 * guard the month keeps until a poll after the contribution is stored), its step-duration samples beside it, per school year
 * ({@link SchoolYearSamples}, written only when a case reaches another step). So the month's counts document does not grow with the cases it counts, nor
 * does the cost of an event that changes no sample; two replicas writing one school month from different partitions
 * never lose each other's update (each update is atomic, none replaces the document); and a redelivered event, a crash
 * between two writes (the month first, then the samples and the open cases, the fold with the contributions last: the event comes again,
 * the month's guard refuses its difference, and it is added from the counts the guard names instead — nothing when the
 * poll is cut as before) or a rebuild from offset 0 counts nothing twice, without
 * transactions. Idempotent by aggregate sequence number; events after a gap wait for the missing one. A poll is applied
 * at once ({@link #applyAll}): its aggregates' folds read together, each aggregate's contributions written once as of its
 * last event in the poll, the folds stored together — so a rebuild, whose polls hold several events of an aggregate,
 * writes per aggregate rather than per event. Not guarded: a
 * consumer that goes on applying an old event after its partition has moved and the new owner has stored a later one
 * (format 1 would then have put back the old contribution).
 */
@Component
public class DashboardCounters implements ReadModel {

    public static final String NAME = "dashboard-counters";
    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final double SECONDS_PER_DAY = Duration.ofDays(1).toSeconds();
    private static final Logger log = LoggerFactory.getLogger(DashboardCounters.class);

    private final MongoTemplate mongo;
    private final MongoMappingContext mappingContext;
    private final StoredEvents storedEvents;
    private final CaseDeadlines deadlines;
    /**
     * Per generation, the guards crashes left in its months ({@code monthId} and field key), looked up again when that
     * may have changed.
     */
    private final Map<Integer, Set<String>> guardsLeft = new ConcurrentHashMap<>();
    private final SettledGuards settledGuards = new SettledGuards();

    public DashboardCounters(MongoTemplate mongo, MongoMappingContext mappingContext, StoredEvents storedEvents, CaseDeadlines deadlines) {
        this.mongo = mongo;
        this.mappingContext = mappingContext;
        this.storedEvents = storedEvents;
        this.deadlines = deadlines;
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Kept per generation: a rebuild counts into new collections beside the served ones, and the dashboards go on
     * reading those until the new ones have caught up ({@code ReadModelContainers}).
     */
    @Override
    public boolean generational() {
        return true;
    }

    @Override
    public List<String> collections() {
        return collections(0);
    }

    @Override
    public List<String> collections(int generation) {
        return Stream.of(MonthCounters.COLLECTION, SchoolYearSamples.COLLECTION, Contribution.COLLECTION, CounterSource.COLLECTION,
                SchoolOpenCases.COLLECTION, CounterStamps.COLLECTION, SchoolYearTotals.COLLECTION).map(base -> Generations.nameOf(base, generation)).toList();
    }

    @Override
    public void prepareStorage() {
        prepareStorage(0);
    }

    @Override
    public void prepareStorage(int generation) {
        guardsLeft.remove(generation);
        settledGuards.clear(generation);
        for (Class<?> type : List.of(MonthCounters.class, SchoolYearSamples.class, SchoolOpenCases.class)) {
            var indexes = mongo.indexOps(Generations.nameOf(mongo.getCollectionName(type), generation));
            new MongoPersistentEntityIndexResolver(mappingContext).resolveIndexFor(type).forEach(indexes::ensureIndex);
        }
    }

    @Override
    public int viewFormat() {
        return MonthCounters.FORMAT;
    }

    /**
     * Whether the generation's month counters were written by an older format (format 1 summed every contribution inside
     * the month document, which this code cannot add to): then it is counted again beside it at startup. The first
     * document tells, as a generation is written by one format.
     */
    @Override
    public boolean writtenByOlderFormat(int generation) {
        Document first = mongo.getCollection(Generations.nameOf(MonthCounters.COLLECTION, generation)).find().limit(1).first();
        return first != null && !(first.get("format") instanceof Number format && format.intValue() >= MonthCounters.FORMAT);
    }

    @Override
    public void apply(PublishedEvent event) {
        try {
            applyAll(List.of(event), 0);
        } catch (ApplyFailure failure) {
            throw (RuntimeException) failure.getCause();
        }
    }

    /**
     * Applies a poll: the folds of its aggregates are read at once, every event is folded into its aggregate's fold in
     * memory, and then each aggregate that moved writes its contributions once, as of its last event in the poll — the
     * month takes the difference from the stored contribution, which is the sum of the differences its events one by one
     * would have added. Then the folds are stored with the contributions, last, in one bulk write. Nothing is written before every event is
     * folded: one that cannot be folded throws {@link ApplyFailure} with its index and the poll writes nothing. A crash
     * between the writes is the per-event case: the poll comes again (its offsets are committed only after it), the stored
     * folds give the same contributions, and the months' guards and the stored contributions' sequence numbers skip what
     * was added — also when the poll comes again cut differently.
     */
    @Override
    public void applyAll(List<PublishedEvent> events, int generation) {
        try {
            applyPoll(events, generation);
        } catch (RuntimeException failure) {
            guardsLeft.remove(generation); // the poll may have left guards, and comes again
            throw failure;
        }
    }

    /** The guards a dropped generation's polls settled are not forgotten by any poll to come. */
    @Override
    public void retired(int generation) {
        guardsLeft.remove(generation);
        settledGuards.clear(generation);
    }

    /** Whether guards settled in the generation wait in memory for the next poll to forget them. */
    boolean holdsSettledGuards(int generation) {
        return settledGuards.holds(generation);
    }

    /** Newly assigned partitions: another replica may have crashed between its writes to the months. */
    @Override
    public void heldEventsMayHaveChanged() {
        guardsLeft.clear();
    }

    private void applyPoll(List<PublishedEvent> events, int generation) {
        Map<String, Map<String, Long>> earlierGuards = settledGuards.take(generation);
        try {
            applyPoll(events, generation, new CounterWrites(mongo, generation, earlierGuards));
        } catch (RuntimeException failure) {
            settledGuards.settled(generation, earlierGuards); // not forgotten, perhaps: the next poll forgets them
            throw failure;
        }
    }

    private void applyPoll(List<PublishedEvent> events, int generation, CounterWrites writes) {
        Set<String> left = guardsLeft(writes, generation);
        Map<String, Document> contributions = new LinkedHashMap<>();
        Map<String, CounterSource> sources = sourcesOf(events, writes, contributions);
        Map<String, Object> moved = new LinkedHashMap<>();
        Set<String> changed = new LinkedHashSet<>();
        for (int i = 0; i < events.size(); i++) {
            PublishedEvent event = events.get(i);
            if (!counted(event.payload())) {
                continue;
            }
            try {
                foldEvent(sources.get(event.aggregateId()), event, moved, changed);
            } catch (RuntimeException failure) {
                throw new ApplyFailure(i, failure);
            }
        }
        Map<String, Derived> derived = new LinkedHashMap<>();
        Map<String, Set<String>> months = new LinkedHashMap<>();
        moved.forEach((aggregateId, payload) -> {
            Derived now = derive(payload, sources.get(aggregateId));
            derived.put(aggregateId, now);
            months.put(aggregateId, sources.get(aggregateId).contributedTo(now.byMonth().keySet()));
        });
        contributionsInTheirOwnDocuments(months, contributions, writes);
        months.forEach((aggregateId, itsMonths) -> {
            Document itsContributions = contributions.get(aggregateId);
            for (String month : itsMonths) {
                writes.stamp(month);
                write(writes, month, derived.get(aggregateId).byMonth().getOrDefault(month, Contribution.none(aggregateId)),
                        sources.get(aggregateId).appliedSequence(), itsContributions, left.remove(guardKey(month, fieldKey(aggregateId))));
            }
        });
        writes.addToMonths();
        saveOpenCases(moved, derived, sources, writes);
        writes.stampMonths();
        // the folds with their contributions: a crash before it brings the events again, over the same folds, to the same
        // contributions, and the months' guards name what they hold
        saveAll(changed.stream().map(sources::get).toList(), contributions, writes);
        settledGuards.settled(generation, writes.settledGuards());
        writes.forgetEarlierGuards();
    }

    /**
     * The guards the months hold now: left by a crash between the writes of a poll (or another replica's poll under
     * way). Read at the first poll, and again after a failed poll or a rebalance; one read of every month's guards.
     */
    private Set<String> guardsLeft(CounterWrites writes, int generation) {
        Set<String> left = guardsLeft.get(generation);
        if (left == null) {
            left = ConcurrentHashMap.newKeySet();
            for (Document month : writes.collection(MonthCounters.COLLECTION).find().projection(new Document(MonthCounters.ADDING, 1))) {
                Document guards = month.get(MonthCounters.ADDING, Document.class);
                if (guards != null) {
                    for (String key : guards.keySet()) {
                        left.add(guardKey(month.getString("_id"), key));
                    }
                }
            }
            guardsLeft.put(generation, left);
        }
        return left;
    }

    /** A guard left in a month, by the month's id and the aggregate's field key. */
    private static String guardKey(String monthId, String fieldKey) {
        return monthId + "\n" + fieldKey;
    }

    /** The path of the aggregate's guard in a month document. */
    private static String guardField(String aggregateId) {
        return MonthCounters.ADDING + "." + fieldKey(aggregateId);
    }

    /**
     * The contributions of aggregates whose folds were stored without them (format 6 or older, or a replica of that
     * version during a rolling update), read at once from their own documents and kept with the fold from now on.
     */
    private void contributionsInTheirOwnDocuments(Map<String, Set<String>> months, Map<String, Document> contributions, CounterWrites writes) {
        Map<String, Map.Entry<String, String>> ids = new LinkedHashMap<>();
        months.forEach((aggregateId, itsMonths) -> {
            if (!contributions.containsKey(aggregateId)) {
                contributions.put(aggregateId, new Document());
                itsMonths.forEach(month -> ids.put(Contribution.idOf(month, aggregateId), Map.entry(aggregateId, month)));
            }
        });
        if (ids.isEmpty()) {
            return;
        }
        for (Document contribution : writes.findByIds(Contribution.COLLECTION, ids.keySet())) {
            Map.Entry<String, String> of = ids.get((String) contribution.remove("_id"));
            contributions.get(of.getKey()).put(fieldKey(of.getValue()), contribution);
        }
    }

    /**
     * The open cases as they stand now, one update per school: a case still open sets its entry, a closed one removes
     * it.
     */
    private void saveOpenCases(Map<String, Object> moved, Map<String, Derived> derived, Map<String, CounterSource> sources, CounterWrites writes) {
        Map<String, Map<String, OpenCase>> bySchool = new LinkedHashMap<>();
        moved.forEach((aggregateId, payload) -> {
            String schoolId = payload instanceof MeldcodeCaseEvent ? sources.get(aggregateId).caseProgress().schoolId() : null;
            if (schoolId != null) {
                bySchool.computeIfAbsent(schoolId, school -> new LinkedHashMap<>()).put(fieldKey(aggregateId), derived.get(aggregateId).open());
            }
        });
        OpenCases.save(writes.collection(SchoolOpenCases.COLLECTION), bySchool);
    }

    private static boolean counted(Object payload) {
        return payload instanceof MeldcodeCaseEvent || payload instanceof PupilFileEvent || payload instanceof IncidentEvent;
    }

    /**
     * The stored folds of the poll's aggregates, read at once with their contributions (into {@code contributions}, by
     * aggregate; none for a fold stored without them); a new fold, with no contributions, for an aggregate not seen
     * before.
     */
    private Map<String, CounterSource> sourcesOf(List<PublishedEvent> events, CounterWrites writes, Map<String, Document> contributions) {
        Set<String> ids = new LinkedHashSet<>();
        events.stream().filter(event -> counted(event.payload())).forEach(event -> ids.add(event.aggregateId()));
        Map<String, CounterSource> sources = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return sources;
        }
        for (Document stored : writes.findByIds(CounterSource.COLLECTION, ids)) {
            CounterSource source = StoredFold.read(stored, mongo.getConverter());
            sources.put(source.aggregateId(), source);
            Document itsContributions = StoredFold.contributionsOf(stored);
            if (itsContributions != null) {
                contributions.put(source.aggregateId(), itsContributions);
            }
        }
        ids.stream().filter(id -> !sources.containsKey(id)).forEach(id -> {
            sources.put(id, new CounterSource(id));
            contributions.put(id, new Document());
        });
        return sources;
    }

    /** Folds one event into its aggregate's fold, or holds it after a gap; notes the aggregates that moved or changed. */
    private void foldEvent(CounterSource source, PublishedEvent event, Map<String, Object> moved, Set<String> changed) {
        Object payload = event.payload();
        if (event.sequence() <= source.appliedSequence()) {
            return; // applied before: the months were written before the fold was saved
        }
        if (event.sequence() > source.appliedSequence() + 1) {
            source.hold(StoredEvent.of(event));
            log.warn("{} {} holds event {} back: events {} to {} have not arrived", NAME, event.aggregateId(), event.sequence(),
                    source.appliedSequence() + 1, event.sequence() - 1);
            changed.add(source.aggregateId());
            return;
        }
        fold(source, payload);
        source.applied(event.sequence());
        for (StoredEvent next = source.nextWaiting(); next != null; next = source.nextWaiting()) {
            fold(source, storedEvents.read(next, kind(payload)));
            source.applied(next.sequence());
        }
        moved.put(source.aggregateId(), payload);
        changed.add(source.aggregateId());
    }

    /**
     * Stores the folds with their contributions in one bulk write, each replacing its document ({@link StoredFold}); a
     * fold stored without its contributions that did not move (it holds an event back) stays so.
     */
    private void saveAll(List<CounterSource> changed, Map<String, Document> contributions, CounterWrites writes) {
        if (changed.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> replacements = new ArrayList<>(changed.size());
        for (CounterSource source : changed) {
            replacements.add(new ReplaceOneModel<>(new Document("_id", source.aggregateId()),
                    StoredFold.of(source, contributions.get(source.aggregateId())), new ReplaceOptions().upsert(true)));
        }
        writes.collection(CounterSource.COLLECTION).bulkWrite(replacements, new BulkWriteOptions().ordered(false));
    }

    private static Class<?> kind(Object payload) {
        return payload instanceof MeldcodeCaseEvent ? MeldcodeCaseEvent.class : payload instanceof PupilFileEvent ? PupilFileEvent.class : IncidentEvent.class;
    }

    /** Folds the next event of the aggregate into its stored progress. */
    static void fold(CounterSource source, Object event) {
        if (event instanceof MeldcodeCaseEvent caseEvent) {
            source.caseProgress().apply(caseEvent);
            // above school level there is no pupil-level data: the counters do not even keep the reference
            source.caseProgress().forgetPupil();
            source.reached(source.reached().after(caseEvent));
            if (caseEvent instanceof VeiligThuisConsulted) {
                source.advice().add(caseEvent.occurredAt());
            } else if (caseEvent instanceof ReportRecorded report) {
                source.reports().add(report.report().reportedAt());
            } else if (caseEvent instanceof HelpStarted) {
                source.help().add(caseEvent.occurredAt());
            }
        } else if (event instanceof PupilFileEvent pupilEvent) {
            foldSignal(source.signals(), pupilEvent);
        } else if (event instanceof IncidentEvent incidentEvent) {
            source.incident().apply(incidentEvent);
        }
    }

    /** The same fold as the pupil's signals: a correction changes the category, an escalation marks the signals. */
    private static void foldSignal(List<SignalMark> signals, PupilFileEvent event) {
        if (event instanceof SignalRecorded recorded) {
            SignalMark mark = new SignalMark(recorded.signalId(), recorded.schoolId(), recorded.occurredAt(), recorded.content().category(),
                    recorded.urgentPath(), false);
            signals.removeIf(signal -> signal.signalId().equals(recorded.signalId()));
            signals.add(mark);
        } else if (event instanceof SignalCorrected corrected) {
            signals.replaceAll(signal -> signal.signalId().equals(corrected.signalId())
                    ? new SignalMark(signal.signalId(), signal.schoolId(), signal.recordedAt(), corrected.correctedContent().category(),
                    signal.urgent(), signal.escalated())
                    : signal);
        } else if (event instanceof SignalsEscalated escalated) {
            Set<String> ids = escalated.signals().stream().map(signal -> signal.signalId()).collect(Collectors.toSet());
            signals.replaceAll(signal -> ids.contains(signal.signalId())
                    ? new SignalMark(signal.signalId(), signal.schoolId(), signal.recordedAt(), signal.category(), signal.urgent(), true)
                    : signal);
        }
    }

    /**
     * Adds the change of the aggregate's contribution to one school month and stores its samples if they changed
     * ({@link CounterWrites}); the contribution goes into {@code contributions}, stored with the fold after them, which
     * settles the change's guard for the next poll to forget ({@link SettledGuards}). Each write is conditional on the sequence number or sets a value, so that repeating it (a redelivery after
     * a crash between two of them) changes nothing. Where a crash left a guard ({@code guardLeft}) the month is written
     * even without a difference from the stored contribution: the month holds what the guard says, which the poll that
     * came again may have undone.
     */
    private void write(CounterWrites writes, String monthId, Contribution now, long sequence, Document contributions, boolean guardLeft) {
        Document stored = contributions.get(fieldKey(monthId), Document.class);
        if (stored != null && Contribution.sequenceOf(stored) >= sequence) {
            // stored as of this change or a later one (the poll came again): the month has it; a crash may have left its guard
            writes.settle(monthId, fieldKey(now.aggregateId()), Contribution.sequenceOf(stored));
            return;
        }
        Contribution before = stored == null ? Contribution.none(now.aggregateId()) : Contribution.of(now.aggregateId(), stored);
        Map<Contribution.Slot, Integer> change = now.minus(before);
        boolean toMonth = !change.isEmpty() || guardLeft;
        if (toMonth) {
            addToMonth(writes, monthId, now, change, sequence, stored == null ? null : Contribution.sequenceOf(stored));
        }
        if (!now.samples().equals(before.samples())) {
            writeSamples(writes, monthId, now);
        }
        if (!toMonth && now.samples().equals(before.samples())) {
            return; // nothing changes: the stored contribution stands for this one
        }
        contributions.put(fieldKey(monthId), now.toStored(sequence));
        if (toMonth) {
            writes.settle(monthId, fieldKey(now.aggregateId()), sequence);
        }
    }

    /**
     * One atomic update of the month, applied only if the month holds no guard of the aggregate but a settled one:
     * {@code $inc} of what changed and {@code $set} of the guard ({@code adding}: the sequence number and the aggregate's
     * counts in the month as of it), kept only until a poll after the contribution's forgets it, so that the month stays
     * as small as its counts. A guard up to the stored contribution's sequence number is settled: the month got its
     * counts, and a contribution stored later without another addition changed no count, so the month holds what the
     * stored contribution says. A later guard is what a crash between the writes left: the month holds the aggregate's
     * counts as the guard says, not as the stored contribution says, and {@link #addToGuardedMonth} adds the change from
     * those instead. The filter keeps a plain {@code _id}, so that the document is found by its index (also on the
     * embedded store).
     */
    private void addToMonth(CounterWrites writes, String monthId, Contribution now, Map<Contribution.Slot, Integer> change, long sequence, Long storedSequence) {
        String adding = guardField(now.aggregateId());
        Document guard = new Document("_id", monthId).append(adding + ".sequence", storedSequence == null ? new Document("$exists", false)
                : new Document("$not", new Document("$gt", storedSequence)));
        Document update = monthUpdate(monthId, adding, now, change, sequence)
                .append("$setOnInsert", new Document("format", MonthCounters.FORMAT).append("schoolId", MonthCounters.schoolOf(monthId))
                        .append("month", MonthCounters.monthOf(monthId).toString()));
        writes.addToMonth(fieldKey(now.aggregateId()), guard, update, () -> addToGuardedMonth(writes, monthId, now, sequence));
    }

    /**
     * The month refused a change because it still holds a guard of the aggregate: a poll crashed after adding to the
     * month and before storing the contribution, and came again — cut shorter or longer than before, or the same. The
     * month holds the counts the guard names; the change is added from those (back, when the poll now ends earlier), in
     * one update conditional on that same guard. Throws if the month holds no guard (the poll fails and comes again).
     */
    private static void addToGuardedMonth(CounterWrites writes, String monthId, Contribution now, long sequence) {
        String adding = guardField(now.aggregateId());
        Document month = writes.collection(MonthCounters.COLLECTION).find(new Document("_id", monthId))
                .projection(new Document(adding, 1)).first();
        Document guard = month == null || month.get(MonthCounters.ADDING) == null ? null
                : month.get(MonthCounters.ADDING, Document.class).get(fieldKey(now.aggregateId()), Document.class);
        if (guard == null) {
            throw new IllegalStateException(NAME + ": month " + monthId + " refused a change of " + now.aggregateId() + " without holding its guard");
        }
        Map<Contribution.Slot, Integer> change = now.minus(Contribution.of(now.aggregateId(), guard));
        Document guarded = new Document("_id", monthId).append(adding + ".sequence", Contribution.sequenceOf(guard));
        if (writes.collection(MonthCounters.COLLECTION).updateOne(guarded, monthUpdate(monthId, adding, now, change, sequence)).getMatchedCount() == 0) {
            throw new IllegalStateException(NAME + ": the guard of " + now.aggregateId() + " in month " + monthId + " changed while it was read");
        }
    }

    /** {@code $inc} of the change (totals and days) and {@code $set} of the guard: the sequence number and the counts as of it. */
    private static Document monthUpdate(String monthId, String adding, Contribution now, Map<Contribution.Slot, Integer> change, long sequence) {
        YearMonth month = MonthCounters.monthOf(monthId);
        Document inc = new Document();
        Map<String, Integer> totals = new TreeMap<>();
        change.forEach((slot, amount) -> {
            inc.append("days." + month.atDay(slot.day()) + "." + slot.counter(), amount);
            totals.merge("totals." + slot.counter(), amount, Integer::sum);
        });
        totals.forEach((field, amount) -> {
            if (amount != 0) {
                inc.append(field, amount);
            }
        });
        Document update = new Document("$set", new Document(adding, now.asGuard(sequence)));
        return inc.isEmpty() ? update : update.append("$inc", inc);
    }

    /**
     * Sets (or removes) the aggregate's samples in the month, in its school year's samples: a value, so writing it again
     * changes nothing.
     */
    private static void writeSamples(CounterWrites writes, String monthId, Contribution now) {
        YearMonth month = MonthCounters.monthOf(monthId);
        String field = "samples." + month + "." + fieldKey(now.aggregateId());
        Document update = now.samples().isEmpty() ? new Document("$unset", new Document(field, ""))
                : new Document("$set", new Document(field, now.samplesPacked()));
        update.append("$setOnInsert", new Document("schoolId", MonthCounters.schoolOf(monthId)).append("schoolYear", SchoolYear.of(month.atDay(1))));
        writes.setSamples(SchoolYearSamples.idOf(MonthCounters.schoolOf(monthId), month), update);
    }

    /**
     * An aggregate id as a field name: ids are patterned identifiers, but a {@code .} would split the path and a leading
     * {@code $} make an operator, so everything but letters, digits, {@code -}, {@code _} and {@code :} is written as
     * {@code ~} and four hex digits (and {@code ~} itself too, so that no two ids give one key).
     */
    static String fieldKey(String aggregateId) {
        StringBuilder key = new StringBuilder(aggregateId.length());
        for (char c : aggregateId.toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == ':') {
                key.append(c);
            } else {
                key.append('~').append(String.format("%04x", (int) c));
            }
        }
        return key.toString();
    }

    /** The aggregate's contributions per school month and, for an open case, its open deadlines. */
    record Derived(Map<String, Contribution> byMonth, OpenCase open) {
    }

    private Derived derive(Object payload, CounterSource source) {
        Builder builder = new Builder(source.aggregateId());
        if (payload instanceof MeldcodeCaseEvent) {
            return caseFigures(builder, source);
        }
        if (payload instanceof PupilFileEvent) {
            signalFigures(builder, source.signals());
        } else {
            incidentFigures(builder, source.incident());
        }
        return new Derived(builder.build(), null);
    }

    private Derived caseFigures(Builder builder, CounterSource source) {
        CaseProgress progress = source.caseProgress();
        String school = progress.schoolId();
        Instant openedAt = progress.openedAt();
        source.advice().forEach(at -> builder.count(school, at, Counter.ADVICE));
        source.reports().forEach(at -> builder.count(school, at, Counter.REPORTS));
        source.help().forEach(at -> builder.count(school, at, Counter.HELP));
        if (progress.closedWithoutSuspicion() != null) {
            builder.count(school, progress.closedWithoutSuspicion(), Counter.CLOSED_WITHOUT_SUSPICION);
        }
        // what is counted of the cases opened in a period is counted on the day the case was opened
        builder.count(school, openedAt, Counter.OPENED);
        Documentation documentation = DocumentationCheck.of(progress);
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
        StepDates reached = source.reached();
        for (int step = 1; step < 5; step++) {
            if (reached.of(step) != null && reached.of(step + 1) != null) {
                builder.sample(school, openedAt, step, days(reached.of(step), reached.of(step + 1)));
            }
        }
        OpenCase open = progress.isClosed() ? null : new OpenCase(openedAt, deadlines.dues(progress));
        return new Derived(builder.build(), open);
    }

    private static StepStatus status(Documentation documentation, int step) {
        return documentation.steps().stream().filter(documented -> documented.step() == step)
                .map(StepDocumentation::status).findFirst().orElse(step == 1 ? StepStatus.INCOMPLETE : StepStatus.NOT_YET);
    }

    private static void signalFigures(Builder builder, List<SignalMark> signals) {
        for (SignalMark signal : signals) {
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

    private static void incidentFigures(Builder builder, IncidentProgress incident) {
        if (!incident.recorded()) {
            return;
        }
        Instant occurredAt = incident.occurredAt();
        builder.count(incident.schoolId(), occurredAt, Counter.INCIDENTS);
        builder.count(incident.schoolId(), occurredAt, Counter.type(incident.type()));
        if (incident.severity() == Severity.SERIOUS) {
            builder.count(incident.schoolId(), occurredAt, Counter.SERIOUS);
        }
        if (incident.meldplicht()) {
            builder.count(incident.schoolId(), occurredAt, Counter.MELDPLICHT);
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
