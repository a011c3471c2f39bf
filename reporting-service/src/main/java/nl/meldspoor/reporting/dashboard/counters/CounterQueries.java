package nl.meldspoor.reporting.dashboard.counters;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.function.IntSupplier;
import nl.meldspoor.reporting.readmodel.Generations;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Reads the counters of some schools over [from, to): one document per school and month, its samples beside it, and
 * the open cases. A month the window covers whole is read as its totals; only a month the window cuts (at most the
 * first and the last) is read per day. The months, the samples and the open cases are read at once, each by its own
 * query. Read as raw documents with only the fields needed: mapping thousands of month documents to objects cost more
 * than adding them up.
 *
 * <p>A whole month's totals and a school year's samples are kept in memory under their stamp ({@link CounterStamps}):
 * each dashboard reads the stamps of its schools' school years first (one small document each) and reads again only
 * the months and samples whose stamp changed — past school years are read once, not per request. Kept at most
 * {@code meldspoor.dashboards.cached-months} months and {@code meldspoor.dashboards.cached-school-years} school years'
 * samples. What a replica has not kept yet it reads a school year at a time where another reader stored that school
 * year's months together under its stamp ({@link SchoolYearTotals}, {@code meldspoor.dashboards.stored-school-years}).
 * A school's open cases are kept likewise under the stamp their document carries ({@link OpenCases#readInto}): a board's
 * dashboard reads the hundred schools' stamps, not their thousands of open cases.
 */
@Component
public class CounterQueries implements AutoCloseable {

    private static final int READ_THREADS = 4;
    static final int CACHED_MONTHS = 20_000;
    static final int CACHED_SCHOOL_YEARS = 2_000;
    /** Schools whose open cases are kept: a board's, with room (a school's open cases are bounded by what it has open at once). */
    static final int CACHED_SCHOOLS = 1_000;
    private static final int[] NOTHING = new int[Counter.SIZE];
    static final int NOT_SERVABLE = -1;

    private final MongoTemplate mongo;
    /** The reads a dashboard makes beside its months, shared by every dashboard request; shut down with the context. */
    private final ExecutorService reads;
    /**
     * The generation of the counters the dashboards read now (a rebuild counts into the next one beside it), or
     * {@link #NOT_SERVABLE}.
     */
    private final IntSupplier servedGeneration;
    private final int cachedMonths;
    private final int cachedSchoolYears;
    /** Whether a school year's months are read from and stored as {@link SchoolYearTotals}. */
    private final boolean storedSchoolYears;
    private volatile Served served;
    /** A generation read ahead before it is served ({@link #readAhead}): what the first dashboards on it keep. */
    private volatile Served readAhead;

    /**
     * The counters of one generation as read: a whole month's totals by counter index, by month id; a school year's
     * samples, by its id; a school's open cases, by the school. A switch to another generation starts with empty caches: its
     * stamps count anew.
     */
    private record Served(int generation, StampedCache<int[]> months, StampedCache<List<MonthSamples>> samples,
                          StampedCache<OpenCases.School> openCases) {

        String collection(String base) {
            return Generations.nameOf(base, generation);
        }
    }

    /** A month's samples in a school year's samples: each case's packed samples, in the order of the cases' keys. */
    private record MonthSamples(YearMonth month, List<byte[]> cases) {
    }

    /** On the counters' generation 0 (tests without rebuilds). */
    public CounterQueries(MongoTemplate mongo) {
        this(mongo, () -> 0, CACHED_MONTHS, CACHED_SCHOOL_YEARS);
    }

    @Autowired
    public CounterQueries(MongoTemplate mongo, Generations generations,
                          @Value("${meldspoor.dashboards.cached-months:" + CACHED_MONTHS + "}") int cachedMonths,
                          @Value("${meldspoor.dashboards.cached-school-years:" + CACHED_SCHOOL_YEARS + "}") int cachedSchoolYears,
                          @Value("${meldspoor.dashboards.stored-school-years:true}") boolean storedSchoolYears) {
        this(mongo, () -> servable(generations.pointer(DashboardCounters.NAME)), cachedMonths, cachedSchoolYears, storedSchoolYears);
    }

    /**
     * The served generation, if it is known to be written in a format whose months this code reads (this one's, or an
     * older one that differs only in what the writer keeps); else none: a generation of an older format (served unchanged
     * while the upgrade's rebuild counts beside it) that this code cannot read is not read, so the dashboards count
     * nothing until the rebuild has caught up, as when an upgrade dropped the counters and replayed them.
     */
    static int servable(Generations.Pointer pointer) {
        Integer format = pointer.format();
        return format != null && format >= MonthCounters.READABLE_FROM && format <= MonthCounters.FORMAT ? pointer.active() : NOT_SERVABLE;
    }

    public CounterQueries(MongoTemplate mongo, IntSupplier servedGeneration, int cachedMonths, int cachedSchoolYears) {
        this(mongo, servedGeneration, cachedMonths, cachedSchoolYears, true);
    }

    /** A reader that neither reads nor stores school years' months together (what the stored ones are compared with). */
    public static CounterQueries monthByMonth(MongoTemplate mongo) {
        return new CounterQueries(mongo, () -> 0, CACHED_MONTHS, CACHED_SCHOOL_YEARS, false);
    }

    public CounterQueries(MongoTemplate mongo, IntSupplier servedGeneration, int cachedMonths, int cachedSchoolYears,
                          boolean storedSchoolYears) {
        this.mongo = mongo;
        this.storedSchoolYears = storedSchoolYears;
        this.reads = Executors.newFixedThreadPool(READ_THREADS, daemon("dashboard-read-"));
        this.servedGeneration = servedGeneration;
        this.cachedMonths = cachedMonths;
        this.cachedSchoolYears = cachedSchoolYears;
    }

    private Served served() {
        int generation = servedGeneration.getAsInt();
        Served now = served;
        if (now == null || now.generation() != generation) {
            Served ahead = readAhead;
            now = ahead != null && ahead.generation() == generation ? ahead : unread(generation);
            served = now;
            readAhead = null;
        }
        return now;
    }

    private Served unread(int generation) {
        return new Served(generation, new StampedCache<>(cachedMonths), new StampedCache<>(cachedSchoolYears),
                new StampedCache<>(CACHED_SCHOOLS));
    }

    /**
     * Reads a generation that is not served yet as a dashboard over these schools and dates would — a rebuild that has
     * caught up, just before it takes over — and keeps what it read for the dashboards once it is served. What it reads
     * whole it stores together per school year, so that every other replica's first dashboard after the switch reads
     * those rather than every month. The same stamps guard it as a served generation's reads: the rebuild's consumer
     * may go on writing meanwhile.
     *
     * @param to exclusive
     */
    public void readAhead(int generation, List<String> schoolIds, LocalDate from, LocalDate to) {
        Served ahead = unread(generation);
        tally(ahead, schoolIds, from, to);
        readAhead = ahead;
    }

    private static ThreadFactory daemon(String prefix) {
        CustomizableThreadFactory threads = new CustomizableThreadFactory(prefix);
        threads.setDaemon(true);
        return threads;
    }

    /** Called by Spring when the context closes (an {@link AutoCloseable} bean): a running dashboard read ends first. */
    @Override
    public void close() {
        reads.shutdown();
    }

    /** @param to exclusive */
    public Tally tally(List<String> schoolIds, LocalDate from, LocalDate to) {
        return tally(served(), schoolIds, from, to);
    }

    private Tally tally(Served counters, List<String> schoolIds, LocalDate from, LocalDate to) {
        if (counters.generation() == NOT_SERVABLE) {
            return new Tally();
        }
        // the open cases and the samples are read while this thread reads the months: three queries at once, not in turn
        CompletableFuture<Tally> open = CompletableFuture.supplyAsync(() -> openCases(counters, new Tally(), schoolIds, to), reads);
        Tally tally = new Tally();
        if (from.isBefore(to)) {
            // first the stamps, then what they stamp: what is read after its stamp is at least as new as the stamp
            List<String> schoolYears = schoolYearIds(schoolIds, YearMonth.from(from), YearMonth.from(to.minusDays(1)));
            CounterStamps stamps = CounterStamps.read(mongo.getCollection(counters.collection(CounterStamps.COLLECTION)), schoolYears);
            CompletableFuture<Tally> samples = CompletableFuture.supplyAsync(() -> samples(counters, new Tally(), schoolYears, stamps, from, to), reads);
            months(counters, tally, schoolIds, stamps, from, to);
            tally.addSamplesAndOpenCases(joined(samples));
        }
        return tally.addSamplesAndOpenCases(joined(open));
    }

    private static Tally joined(CompletableFuture<Tally> read) {
        try {
            return read.join();
        } catch (CompletionException failure) {
            throw failure.getCause() instanceof RuntimeException cause ? cause : failure;
        }
    }

    private void months(Served counters, Tally tally, List<String> schoolIds, CounterStamps stamps, LocalDate from, LocalDate to) {
        YearMonth first = YearMonth.from(from);
        YearMonth last = YearMonth.from(to.minusDays(1));
        // the months the window cuts: read per day; every month between them whole, as totals
        List<String> cut = new ArrayList<>();
        YearMonth firstWhole = first;
        YearMonth lastWhole = last;
        if (from.getDayOfMonth() != 1 || (first.equals(last) && !to.equals(last.plusMonths(1).atDay(1)))) {
            cut.add(first.toString());
            firstWhole = first.plusMonths(1);
        }
        if (!to.equals(last.plusMonths(1).atDay(1)) && !last.equals(first)) {
            cut.add(last.toString());
            lastWhole = last.minusMonths(1);
        }
        var collection = mongo.getCollection(counters.collection(MonthCounters.COLLECTION));
        if (!firstWhole.isAfter(lastWhole)) {
            wholeMonths(counters, tally, collection, schoolIds, stamps, firstWhole, lastWhole);
        }
        if (!cut.isEmpty()) {
            List<String> edgeIds = new ArrayList<>();
            for (String month : cut) {
                edgeIds.addAll(monthIds(schoolIds, YearMonth.parse(month), YearMonth.parse(month)));
            }
            Bson edges = Filters.in("_id", edgeIds);
            for (Document month : collection.find(edges).projection(Projections.fields(Projections.include("schoolId", "month", "days"),
                    Projections.excludeId()))) {
                String schoolId = month.getString("schoolId");
                YearMonth yearMonth = YearMonth.parse(month.getString("month"));
                Document days = month.get("days", Document.class);
                for (Map.Entry<String, Object> day : days == null ? List.<Map.Entry<String, Object>>of() : days.entrySet()) {
                    LocalDate date = LocalDate.parse(day.getKey());
                    if (date.isBefore(from) || !date.isBefore(to)) {
                        continue;
                    }
                    for (Map.Entry<String, Object> count : ((Document) day.getValue()).entrySet()) {
                        add(tally, schoolId, date, count.getKey(), (Number) count.getValue());
                    }
                }
            }
        }
    }

    /**
     * Adds up the totals of whole months: those kept under their stamp from memory, then those of school years stored
     * together under the school year's stamp ({@link SchoolYearTotals}), the others read by {@code _id} and kept under
     * the stamp read before them (a month that is not there, too: nothing counted in it under that stamp). A school year
     * whose twelve months were all read from their documents is then stored together for the next replica to read.
     */
    private void wholeMonths(Served counters, Tally tally, MongoCollection<Document> collection, List<String> schoolIds,
                             CounterStamps stamps, YearMonth firstWhole, YearMonth lastWhole) {
        StampedCache<int[]> months = counters.months();
        Map<String, Object> unread = new LinkedHashMap<>();
        Set<String> partlyKept = new HashSet<>();
        for (YearMonth month = firstWhole; !month.isAfter(lastWhole); month = month.plusMonths(1)) {
            for (String schoolId : schoolIds) {
                String id = MonthCounters.idOf(schoolId, month.toString());
                Object stamp = stamps.month(schoolId, month);
                int[] totals = months.get(id, stamp);
                if (totals == null) {
                    unread.put(id, stamp);
                } else {
                    partlyKept.add(SchoolYearSamples.idOf(schoolId, month));
                    addTotals(tally, schoolId, month, totals);
                }
            }
        }
        if (unread.isEmpty()) {
            return;
        }
        Map<String, int[]> read = new HashMap<>();
        MongoCollection<Document> yearTotals = mongo.getCollection(counters.collection(SchoolYearTotals.COLLECTION));
        // a school year this replica keeps some months of was written since (its other months' stamps stand): not stored
        Set<String> cold = schoolYearsOf(unread.keySet());
        cold.removeAll(partlyKept);
        Map<String, Map<YearMonth, int[]>> stored = storedSchoolYears ? SchoolYearTotals.read(yearTotals, cold, stamps) : Map.of();
        List<String> fromMonths = new ArrayList<>();
        for (String id : unread.keySet()) {
            Map<YearMonth, int[]> schoolYear = stored.get(schoolYearOf(id));
            if (schoolYear == null) {
                fromMonths.add(id);
            } else {
                read.put(id, schoolYear.getOrDefault(MonthCounters.monthOf(id), NOTHING));
            }
        }
        if (!fromMonths.isEmpty()) {
            for (Document month : collection.find(Filters.in("_id", fromMonths)).projection(Projections.include("totals"))) {
                read.put(month.getString("_id"), totalsOf(month.get("totals", Document.class)));
            }
        }
        unread.forEach((id, stamp) -> {
            int[] totals = read.getOrDefault(id, NOTHING);
            months.put(id, stamp, totals);
            addTotals(tally, MonthCounters.schoolOf(id), MonthCounters.monthOf(id), totals);
        });
        if (storedSchoolYears) {
            SchoolYearTotals.write(yearTotals, wholeSchoolYearsRead(fromMonths, read, stamps), stamps);
        }
    }

    /** The school years (with a stamp) all of whose twelve months are among those read from their documents. */
    private static Map<String, Map<YearMonth, int[]>> wholeSchoolYearsRead(List<String> readFromMonths, Map<String, int[]> read,
                                                                         CounterStamps stamps) {
        Map<String, Map<YearMonth, int[]>> bySchoolYear = new LinkedHashMap<>();
        for (String id : readFromMonths) {
            bySchoolYear.computeIfAbsent(schoolYearOf(id), schoolYear -> new HashMap<>())
                    .put(MonthCounters.monthOf(id), read.getOrDefault(id, NOTHING));
        }
        bySchoolYear.entrySet().removeIf(schoolYear -> schoolYear.getValue().size() < 12 || stamps.schoolYear(schoolYear.getKey()) == null);
        return bySchoolYear;
    }

    private static String schoolYearOf(String monthId) {
        return SchoolYearSamples.idOf(MonthCounters.schoolOf(monthId), MonthCounters.monthOf(monthId));
    }

    private static Set<String> schoolYearsOf(Collection<String> monthIds) {
        Set<String> schoolYears = new LinkedHashSet<>();
        monthIds.forEach(id -> schoolYears.add(schoolYearOf(id)));
        return schoolYears;
    }

    /** A month's totals by counter index: those of a counter this version does not know left out. */
    private static int[] totalsOf(Document totals) {
        int[] byCounter = new int[Counter.SIZE];
        if (totals != null) {
            for (Map.Entry<String, Object> total : totals.entrySet()) {
                int counter = Counter.index(total.getKey());
                if (counter >= 0) {
                    byCounter[counter] += ((Number) total.getValue()).intValue();
                }
            }
        }
        return byCounter;
    }

    /** A whole month's totals count on its first day: in the window, and in the same month and school year. */
    private static void addTotals(Tally tally, String schoolId, YearMonth month, int[] totals) {
        tally.addAll(schoolId, month.atDay(1), totals);
    }

    /**
     * Adds a stored count: left out when it is zero (a count that went back to zero stays stored as 0, and a day with
     * nothing counted must stay absent, as it always was) or of a counter this version does not know.
     */
    private static void add(Tally tally, String schoolId, LocalDate day, String counterName, Number amount) {
        int counter = Counter.index(counterName);
        if (counter >= 0 && amount.intValue() != 0) {
            tally.add(schoolId, day, counter, amount.intValue());
        }
    }

    /**
     * The samples of the cases opened in the window: each school year's samples (read by {@code _id}, or kept under
     * its stamp), in a fixed order (of the months, then the cases' ids); a case's samples in a month one binary value
     * ({@link SchoolYearSamples}).
     */
    private Tally samples(Served counters, Tally tally, List<String> schoolYearIds, CounterStamps stamps, LocalDate from, LocalDate to) {
        StampedCache<List<MonthSamples>> samples = counters.samples();
        Map<String, List<MonthSamples>> bySchoolYear = new HashMap<>();
        List<String> unread = new ArrayList<>();
        for (String id : schoolYearIds) {
            List<MonthSamples> kept = samples.get(id, stamps.schoolYear(id));
            if (kept == null) {
                unread.add(id);
            } else {
                bySchoolYear.put(id, kept);
            }
        }
        if (!unread.isEmpty()) {
            for (Document schoolYear : mongo.getCollection(counters.collection(SchoolYearSamples.COLLECTION)).find(Filters.in("_id", unread))) {
                bySchoolYear.put(schoolYear.getString("_id"), monthSamplesOf(schoolYear.get("samples", Document.class)));
            }
            for (String id : unread) {
                samples.put(id, stamps.schoolYear(id), bySchoolYear.computeIfAbsent(id, nothing -> List.of()));
            }
        }
        YearMonth first = YearMonth.from(from);
        YearMonth last = YearMonth.from(to.minusDays(1));
        for (String id : schoolYearIds) {
            String schoolId = SchoolYearSamples.schoolOf(id);
            for (MonthSamples month : bySchoolYear.get(id)) {
                if (month.month().isBefore(first) || month.month().isAfter(last)) {
                    continue;
                }
                for (byte[] packed : month.cases()) {
                    for (SampleEntry sample : SampleEntry.unpacked(packed)) {
                        LocalDate date = month.month().atDay(sample.day());
                        if (!date.isBefore(from) && date.isBefore(to)) {
                            tally.sample(schoolId, date, sample.fromStep(), sample.days());
                        }
                    }
                }
            }
        }
        return tally;
    }

    /** A school year's samples by month, in the order of the months, each month's in the order of the cases' keys. */
    private static List<MonthSamples> monthSamplesOf(Document byMonth) {
        List<MonthSamples> months = new ArrayList<>();
        for (String month : byMonth == null ? List.<String>of() : new TreeSet<>(byMonth.keySet())) {
            Document byAggregate = byMonth.get(month, Document.class);
            List<byte[]> cases = new ArrayList<>(byAggregate.size());
            for (String aggregate : new TreeSet<>(byAggregate.keySet())) {
                cases.add(((Binary) byAggregate.get(aggregate)).getData());
            }
            months.add(new MonthSamples(YearMonth.parse(month), List.copyOf(cases)));
        }
        return List.copyOf(months);
    }

    /** The ids of the schools' samples documents of the school years from {@code first}'s to {@code last}'s. */
    private static List<String> schoolYearIds(List<String> schoolIds, YearMonth first, YearMonth last) {
        List<String> ids = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            if (month.equals(first) || month.getMonthValue() == 8) {
                for (String schoolId : schoolIds) {
                    ids.add(SchoolYearSamples.idOf(schoolId, month));
                }
            }
        }
        return ids;
    }

    /**
     * The ids of the schools' month documents from {@code first} to {@code last}: the months are read by {@code _id}, which
     * the {@code _id} index serves on MongoDB and on mongo-java-server (which serves no other index for a range or an
     * {@code $in}, and scanned every school month of the board for a dashboard).
     */
    private static List<String> monthIds(List<String> schoolIds, YearMonth first, YearMonth last) {
        List<String> ids = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            for (String schoolId : schoolIds) {
                ids.add(MonthCounters.idOf(schoolId, month.toString()));
            }
        }
        return ids;
    }

    /** Open now and opened before the end of the period, as the cases active in it that are still open. */
    private Tally openCases(Served counters, Tally tally, List<String> schoolIds, LocalDate to) {
        OpenCases.readInto(tally, mongo.getCollection(counters.collection(SchoolOpenCases.COLLECTION)), schoolIds,
                to.atStartOfDay(DashboardCounters.AMSTERDAM).toInstant(), counters.openCases());
        return tally;
    }
}
