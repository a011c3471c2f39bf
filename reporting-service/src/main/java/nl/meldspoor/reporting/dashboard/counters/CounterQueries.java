package nl.meldspoor.reporting.dashboard.counters;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Reads the counters of some schools over [from, to): one document per school and month, its samples beside it, and
 * the open cases. A month the window covers whole is read as its totals; only a month the window cuts (at most the
 * first and the last) is read per day. The months, the samples and the open cases are read at once, each by its own
 * query. Read as raw documents with only the fields needed: mapping thousands of month documents to objects cost more
 * than adding them up.
 */
@Component
public class CounterQueries implements AutoCloseable {

    private static final int READ_THREADS = 4;

    private final MongoTemplate mongo;
    /** The reads a dashboard makes beside its months, shared by every dashboard request; shut down with the context. */
    private final ExecutorService reads;

    public CounterQueries(MongoTemplate mongo) {
        this.mongo = mongo;
        this.reads = Executors.newFixedThreadPool(READ_THREADS, daemon("dashboard-read-"));
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
        // the open cases and the samples are read while this thread reads the months: three queries at once, not in turn
        CompletableFuture<Tally> open = CompletableFuture.supplyAsync(() -> openCases(new Tally(), schoolIds, to), reads);
        Tally tally = new Tally();
        if (from.isBefore(to)) {
            CompletableFuture<Tally> samples = CompletableFuture.supplyAsync(() -> samples(new Tally(), schoolIds, from, to), reads);
            months(tally, schoolIds, from, to);
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

    private void months(Tally tally, List<String> schoolIds, LocalDate from, LocalDate to) {
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
        var collection = mongo.getCollection(MonthCounters.COLLECTION);
        if (!firstWhole.isAfter(lastWhole)) {
            Bson whole = Filters.in("_id", monthIds(schoolIds, firstWhole, lastWhole));
            for (Document month : collection.find(whole).projection(Projections.fields(Projections.include("schoolId", "month", "totals"),
                    Projections.excludeId()))) {
                String schoolId = month.getString("schoolId");
                YearMonth yearMonth = YearMonth.parse(month.getString("month"));
                // a whole month's totals count on its first day: in the window, and in the same month and school year
                LocalDate day = yearMonth.atDay(1);
                Document totals = month.get("totals", Document.class);
                if (totals != null) {
                    for (Map.Entry<String, Object> total : totals.entrySet()) {
                        add(tally, schoolId, day, total.getKey(), (Number) total.getValue());
                    }
                }
            }
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
     * The samples of the cases opened in the window: each school year's samples by {@code _id}, in a fixed order (of
     * the months, then the cases' ids); a case's samples in a month one binary value ({@link SchoolYearSamples}).
     */
    private Tally samples(Tally tally, List<String> schoolIds, LocalDate from, LocalDate to) {
        YearMonth first = YearMonth.from(from);
        YearMonth last = YearMonth.from(to.minusDays(1));
        for (Document schoolYear : mongo.getCollection(SchoolYearSamples.COLLECTION).find(Filters.in("_id", schoolYearIds(schoolIds, first, last)))) {
            String schoolId = schoolYear.getString("schoolId");
            Document byMonth = schoolYear.get("samples", Document.class);
            for (String month : byMonth == null ? List.<String>of() : new TreeSet<>(byMonth.keySet())) {
                YearMonth yearMonth = YearMonth.parse(month);
                if (yearMonth.isBefore(first) || yearMonth.isAfter(last)) {
                    continue;
                }
                Document byAggregate = byMonth.get(month, Document.class);
                for (String aggregate : new TreeSet<>(byAggregate.keySet())) {
                    for (SampleEntry sample : SampleEntry.unpacked(((Binary) byAggregate.get(aggregate)).getData())) {
                        LocalDate date = yearMonth.atDay(sample.day());
                        if (!date.isBefore(from) && date.isBefore(to)) {
                            tally.sample(schoolId, date, sample.fromStep(), sample.days());
                        }
                    }
                }
            }
        }
        return tally;
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
    private Tally openCases(Tally tally, List<String> schoolIds, LocalDate to) {
        OpenCases.readInto(tally, mongo.getCollection(SchoolOpenCases.COLLECTION), schoolIds, to.atStartOfDay(DashboardCounters.AMSTERDAM).toInstant());
        return tally;
    }
}
