package nl.meldspoor.reporting.readmodel;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import nl.meldspoor.api.calendar.WorkingDays;
import nl.meldspoor.engines.HeapWatch;
import nl.meldspoor.engines.mongo.EmbeddedMongoStore;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.platform.consuming.StoredEvents;
import nl.meldspoor.platform.testing.history.CaseHistoryBuilder;
import nl.meldspoor.reporting.InMemoryMongo;
import nl.meldspoor.reporting.dashboard.DashboardProperties;
import nl.meldspoor.reporting.dashboard.Dashboards;
import nl.meldspoor.reporting.dashboard.counters.CounterQueries;
import nl.meldspoor.reporting.dashboard.counters.DashboardCounters;
import nl.meldspoor.reporting.dashboard.counters.SchoolYear;
import nl.meldspoor.reporting.meldcase.CaseDeadlines;
import nl.meldspoor.reporting.meldcase.MeldcodeCases;
import nl.meldspoor.reporting.organisation.Level;
import nl.meldspoor.reporting.organisation.OrganisationProperties.School;
import nl.meldspoor.reporting.organisation.Scope;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.util.FileSystemUtils;

/**
 * Opt-in probe ({@code -Dbench=true}): a whole board's history — by default 100 schools over five school years,
 * 76,000 cases, a third as many incidents and half as many pupils' files, about a million events — rebuilt on the
 * local system's file store in one JVM: {@code meldcode-cases} into a new generation and {@code dashboard-counters} in
 * place, in polls as a read model's consumer takes them ({@link RebuildRateProbe#POLL}), with the rate per tenth of the events (does it hold as the store grows?), beside a raw bulk
 * upsert of as many documents into the same server before and after them; then the board, a cluster and a school dashboard from the
 * rebuilt counters, and the JVM's heap: the most in use at once and the most still in use after a collection. Size
 * with {@code -Dbench.cases} and {@code -Dbench.schools}. Prints the figures; asserts nothing about time.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class BoardRebuildAtScaleProbe {

    private static final int WARM_UP_EVENTS = 20_000;
    /** Requests timed per dashboard: enough that the p99 is not simply the slowest one. */
    private static final int ROUNDS = 200;

    @Test
    void aWholeBoardsHistoryRebuilt() throws Exception {
        int cases = Integer.getInteger("bench.cases", 76_000);
        int schools = Integer.getInteger("bench.schools", 100);
        long started = System.nanoTime();
        GeneratedBoard board = new GeneratedBoard(14, schools, 5 * 365, cases, cases / 3, cases / 2);
        System.out.printf("%nBOARD REBUILD AT SCALE: %d schools, 5 school years, %,d aggregates, %,d events (generated in %.0f s); jvm %s %s%n",
                schools, board.aggregates.size(), board.events(), (System.nanoTime() - started) / 1e9,
                System.getProperty("java.vm.version"), ManagementFactory.getRuntimeMXBean().getInputArguments());
        Path files = Files.createTempDirectory("board-rebuild");
        Path store = files.resolve("served.mv.db");
        try (HeapWatch heap = new HeapWatch(); InMemoryMongo mongo = new InMemoryMongo(EmbeddedMongoStore.server(store))) {
            MongoTemplate template = mongo.template();
            MeldcodeCases meldcodeCases = mongo.meldcodeCases();
            DashboardCounters counters = new DashboardCounters(template, (MongoMappingContext) template.getConverter().getMappingContext(),
                    new StoredEvents(CaseHistoryBuilder.JSON), new CaseDeadlines(WorkingDays.dutch(), 5));

            List<PublishedEvent> warmUp = board.inOrder.subList(0, Math.min(board.events(), WARM_UP_EVENTS));
            RebuildRateProbe.rebuild(List.of(meldcodeCases), warmUp, 9);
            meldcodeCases.collections(9).forEach(template::dropCollection);
            counters.prepareStorage();
            inPolls(warmUp, poll -> counters.applyAll(poll, 0));
            counters.collections().forEach(template::dropCollection);
            RebuildRateProbe.rawUpsert(mongo, warmUp, "raw_warmup");

            System.out.printf("| what | events/s per tenth of the events | in all |%n|---|---|---|%n");
            // The raw baseline before and after the read models, the ratio against the mean: one run on the empty store and one
            // on the store they grew differ by a fifth or more, in either direction from run to run, so either alone would
            // tilt the ratios.
            double rawBefore = timedInTenths("raw bulk upsert, one document per event, same server, before", board.inOrder,
                    poll -> RebuildRateProbe.rawUpsert(mongo, poll, "raw_before"));
            meldcodeCases.prepareStorage(1);
            double meldcode = timedInTenths("meldcode-cases into a new generation", board.inOrder, poll -> meldcodeCases.applyAll(poll, 1));
            counters.prepareStorage();
            double dashboard = timedInTenths("dashboard-counters in place", board.inOrder, poll -> counters.applyAll(poll, 0));
            double rawAfter = timedInTenths("raw bulk upsert, one document per event, same server, after", board.inOrder,
                    poll -> RebuildRateProbe.rawUpsert(mongo, poll, "raw_after"));
            double raw = (rawBefore + rawAfter) / 2;
            System.out.printf("ratio to the raw bulk upsert (the mean of before and after, %,.0f docs/s): meldcode-cases %.2f, "
                            + "dashboard-counters %.2f (to the run before: %.2f / %.2f; after: %.2f / %.2f); store file %,d MB%n",
                    raw, meldcode / raw, dashboard / raw, meldcode / rawBefore, dashboard / rawBefore, meldcode / rawAfter,
                    dashboard / rawAfter, Files.size(store) >> 20);

            dashboards(template, schools);
            System.out.printf("heap: at most %,d MB in use (sampled every %d ms), at most %,d MB still in use after a collection, of %,d MB "
                            + "(the generated board, the store's server and its client in one JVM)%n%n", heap.peakUsedMegabytes(), HeapWatch.SAMPLE_MILLIS,
                    heap.peakAfterCollectionMegabytes(), Runtime.getRuntime().maxMemory() >> 20);
        } finally {
            // the store of a million events is ~13 GB: not left behind in the temporary directory
            FileSystemUtils.deleteRecursively(files);
        }
    }

    /** Applies the events in polls, printing the rate of each tenth; returns the rate over all. */
    private static double timedInTenths(String what, List<PublishedEvent> events, Consumer<List<PublishedEvent>> apply) {
        int tenth = Math.max(RebuildRateProbe.POLL, (events.size() + 9) / 10);
        List<String> rates = new ArrayList<>();
        long started = System.nanoTime();
        for (int from = 0; from < events.size(); from += tenth) {
            long tenthStarted = System.nanoTime();
            List<PublishedEvent> part = events.subList(from, Math.min(events.size(), from + tenth));
            inPolls(part, apply);
            rates.add(String.format("%,.0f", part.size() / ((System.nanoTime() - tenthStarted) / 1e9)));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double rate = events.size() / seconds;
        System.out.printf("| %s | %s | %,.0f s (%,.0f events/s) |%n", what, String.join(" · ", rates), seconds, rate);
        return rate;
    }

    private static void inPolls(List<PublishedEvent> events, Consumer<List<PublishedEvent>> apply) {
        for (int from = 0; from < events.size(); from += RebuildRateProbe.POLL) {
            apply.accept(events.subList(from, Math.min(events.size(), from + RebuildRateProbe.POLL)));
        }
    }

    /**
     * The board, a cluster and a school dashboard from the rebuilt counters: the last school year and all five. Each as
     * a replica that has served it before (what it read is kept under its stamps) after a third as many requests more;
     * the board's also as one that keeps nothing (a new reader per request: the first request after a start) — reading every
     * month, and reading the school years another reader stored together ({@code SchoolYearTotals}) — and with
     * every school's last month and school year stamped anew before each request (as when every school wrote since).
     */
    private static void dashboards(MongoTemplate template, int schoolCount) {
        List<School> schools = new ArrayList<>();
        for (int i = 0; i < schoolCount; i++) {
            schools.add(new School("school-" + i, "School " + i));
        }
        Instant now = Instant.parse("2029-07-01T10:00:00Z");
        Dashboards dashboards = new Dashboards(new CounterQueries(template), new DashboardProperties(5), InMemoryMongo.clockAt(now));
        LocalDate lastYear = LocalDate.of(2028, 8, 1);
        List<Scope> scopes = List.of(new Scope(Level.BOARD, "bestuur", "Bestuur", schools),
                new Scope(Level.CLUSTER, "cluster-0", "Cluster 0", schools.subList(0, Math.max(1, schoolCount / 10))),
                new Scope(Level.SCHOOL, "school-0", "School 0", List.of(schools.get(0))));
        System.out.printf("| dashboard | p50 ms | p99 ms |%n|---|---|---|%n");
        for (Scope scope : scopes) {
            for (LocalDate from : List.of(lastYear, lastYear.minusYears(4))) {
                String window = from.equals(lastYear) ? "school year 2028–29" : "five school years";
                timed(scope.level() + " " + scope.id() + ", " + window, () -> { },
                        () -> dashboards.of(scope, from, lastYear.plusYears(1), scope.level() == Level.SCHOOL));
                if (scope.level() == Level.BOARD) {
                    timed(scope.level() + ", " + window + ", every school written since", () -> stampAnew(template, schools, now),
                            () -> dashboards.of(scope, from, lastYear.plusYears(1), false));
                    timed(scope.level() + ", " + window + ", nothing kept, every month read", () -> { }, () -> {
                        try (CounterQueries fresh = CounterQueries.monthByMonth(template)) {
                            new Dashboards(fresh, new DashboardProperties(5), InMemoryMongo.clockAt(now)).of(scope, from, lastYear.plusYears(1), false);
                        }
                    });
                    timed(scope.level() + ", " + window + ", nothing kept, school years stored together", () -> { }, () -> {
                        try (CounterQueries fresh = new CounterQueries(template)) {
                            new Dashboards(fresh, new DashboardProperties(5), InMemoryMongo.clockAt(now)).of(scope, from, lastYear.plusYears(1), false);
                        }
                    });
                }
            }
        }
    }

    /** Times {@code request} after {@code before} (not timed), after a third as many untimed rounds. */
    private static void timed(String what, Runnable before, Runnable request) {
        double[] millis = new double[ROUNDS];
        for (int i = -ROUNDS / 3; i < ROUNDS; i++) {
            before.run();
            long started = System.nanoTime();
            request.run();
            if (i >= 0) {
                millis[i] = (System.nanoTime() - started) / 1e6;
            }
        }
        Arrays.sort(millis);
        System.out.printf("| %s | %.1f | %.1f |%n", what, millis[ROUNDS / 2 - 1], millis[(int) Math.ceil(ROUNDS * 0.99) - 1]);
    }

    /**
     * What a poll of every school's cases in the current month leaves in the stamps: the month and the school year stamped
     * anew, and the school's open cases (a case event of the school in the poll stamps them, whatever it changed).
     */
    private static void stampAnew(MongoTemplate template, List<School> schools, Instant now) {
        LocalDate today = now.atZone(ZoneId.of("Europe/Amsterdam")).toLocalDate();
        String month = YearMonth.from(today).toString();
        for (School school : schools) {
            ObjectId stamp = new ObjectId();
            template.getCollection("dashboard_counter_stamps").updateOne(
                    new Document("_id", school.id() + "|" + SchoolYear.of(today)),
                    new Document("$set", new Document("months." + month, stamp).append("schoolYear", stamp)));
            template.getCollection("dashboard_open_cases").updateOne(new Document("_id", school.id()),
                    new Document("$set", new Document("stamp", new ObjectId())));
        }
    }

}
