package nl.meldspoor.reporting.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.reporting.InMemoryMongo;
import nl.meldspoor.reporting.dashboard.counters.CounterQueries;
import nl.meldspoor.reporting.dashboard.counters.DashboardCounters;
import nl.meldspoor.reporting.incident.IncidentQueries;
import nl.meldspoor.reporting.incident.IncidentRegister;
import nl.meldspoor.reporting.meldcase.CaseQueries;
import nl.meldspoor.reporting.meldcase.MeldcodeCases;
import nl.meldspoor.reporting.organisation.Level;
import nl.meldspoor.reporting.organisation.OrganisationProperties.School;
import nl.meldspoor.reporting.organisation.Scope;
import nl.meldspoor.reporting.pupil.PupilSignals;
import nl.meldspoor.reporting.pupil.SignalFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Opt-in probe ({@code -Dbench=true}): a board of 100 schools in 10 clusters over five school years (about 6,000
 * cases, 9,000 pupils' files, 3,000 incidents), loaded into both the old read models and the counters on
 * mongo-java-server; then the board, a cluster and a school dashboard for the current school year and for all five,
 * the old way (every case, signal and incident on each request) and from the counters, in the same run. Prints
 * p50/p99; asserts nothing about time. Size with {@code -Dbench.schools}, {@code -Dbench.years},
 * {@code -Dbench.casesPerSchoolYear}, {@code -Dbench.rounds}.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class DashboardBench {

    private static final int SCHOOLS = Integer.getInteger("bench.schools", 100);
    private static final int YEARS = Integer.getInteger("bench.years", 5);
    private static final int CASES_PER_SCHOOL_YEAR = Integer.getInteger("bench.casesPerSchoolYear", 12);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 30);
    private static final int POLL = 500;
    private static final LocalDate LAST_YEAR = LocalDate.of(2026, 8, 1);

    @Test
    void dashboardsBeforeAndAfterTheCounters() {
        Clock now = InMemoryMongo.clockAt(Instant.parse("2027-03-15T12:00:00Z"));
        try (InMemoryMongo mongo = new InMemoryMongo()) {
            List<School> schools = new ArrayList<>();
            for (int i = 0; i < SCHOOLS; i++) {
                schools.add(new School("school-" + i, "School " + i));
            }
            LocalDate firstYear = LAST_YEAR.minusYears(YEARS - 1);
            List<List<PublishedEvent>> history = BoardHistory.generate(14L, schools, firstYear, YEARS, CASES_PER_SCHOOL_YEAR);
            List<PublishedEvent> events = history.stream().flatMap(List::stream).toList();

            MeldcodeCases cases = mongo.meldcodeCases();
            PupilSignals pupils = mongo.pupilSignals();
            IncidentRegister incidents = mongo.incidentRegister();
            DashboardCounters counters = CountersOnMongo.on(mongo);
            // each read model on its own thread (they share no collection), as each has its own consumer in the service
            long[] nanos = new long[4];
            List<Thread> loaders = new ArrayList<>();
            List<nl.meldspoor.reporting.readmodel.ReadModel> readModels = List.of(cases, pupils, incidents, counters);
            for (int i = 0; i < readModels.size(); i++) {
                int at = i;
                Thread loader = new Thread(() -> nanos[at] = time(() -> inPolls(events, readModels.get(at))), readModels.get(at).name());
                loader.start();
                loaders.add(loader);
            }
            for (Thread loader : loaders) {
                try {
                    loader.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            long oldLoad = Math.max(nanos[0], Math.max(nanos[1], nanos[2]));
            long countersLoad = nanos[3];
            System.out.printf("%nDashboard bench: %d schools, %d school years, %d cases, %d aggregates, %d events%n", SCHOOLS, YEARS,
                    SCHOOLS * YEARS * CASES_PER_SCHOOL_YEAR, history.size(), events.size());
            System.out.printf("load on mongo-java-server in polls of " + POLL + ", in parallel: slowest old read model %d ms (%.0f events/s), counters %d ms (%.0f events/s)%n",
                    oldLoad / 1_000_000, events.size() / (oldLoad / 1e9), countersLoad / 1_000_000, events.size() / (countersLoad / 1e9));

            OldDashboards before = new OldDashboards(new CaseQueries(mongo.template()), new SignalFacts(mongo.template()),
                    new IncidentQueries(mongo.template()), new DashboardProperties(5), now);
            Dashboards after = new Dashboards(new CounterQueries(mongo.template()), new DashboardProperties(5), now);
            Scope board = new Scope(Level.BOARD, "bestuur", "Bestuur", schools);
            Scope cluster = new Scope(Level.CLUSTER, "cluster-0", "Cluster 0", schools.subList(0, Math.max(1, SCHOOLS / 10)));
            Scope school = new Scope(Level.SCHOOL, "school-0", "School 0", List.of(schools.get(0)));

            CounterQueries counterQueries = new CounterQueries(mongo.template());
            System.out.printf("%-32s %12s %12s %12s %12s %8s %14s %14s%n", "dashboard", "old p50 ms", "old p99 ms", "new p50 ms", "new p99 ms",
                    "p99 ×", "read p50/p99", "sum+supp p50/p99");
            for (Scope scope : List.of(board, cluster, school)) {
                for (boolean allYears : new boolean[]{false, true}) {
                    LocalDate from = allYears ? firstYear : LAST_YEAR;
                    LocalDate to = LAST_YEAR.plusYears(1);
                    boolean exact = scope.level() == Level.SCHOOL;
                    if (!JsonOf.same(before.of(scope, from, to, exact), after.of(scope, from, to, exact))) {
                        throw new AssertionError("different dashboards for " + scope.id());
                    }
                    double[] old = percentiles(() -> before.of(scope, from, to, exact));
                    double[] fresh = percentiles(() -> after.of(scope, from, to, exact));
                    // where the new time goes: reading the counters, and adding up plus suppression over what was read
                    double[] read = percentiles(() -> {
                        counterQueries.tally(scope.schoolIds(), from, to);
                        return null;
                    });
                    var tally = counterQueries.tally(scope.schoolIds(), from, to);
                    double[] compute = percentiles(() -> after.compute(scope, from, to, exact, tally));
                    System.out.printf("%-32s %12.1f %12.1f %12.1f %12.1f %8.1f %6.1f/%-7.1f %6.1f/%-7.1f%n",
                            scope.level() + " " + scope.id() + (allYears ? " (" + YEARS + " years)" : " (school year)"),
                            old[0], old[1], fresh[0], fresh[1], old[1] / fresh[1], read[0], read[1], compute[0], compute[1]);
                }
            }
            System.out.printf("JVM: %s %s, flags %s%n%n", System.getProperty("java.vm.name"), System.getProperty("java.version"),
                    java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        }
    }

    /** As the consumer applies them: a poll of up to 500 records at once. */
    private static void inPolls(List<PublishedEvent> events, nl.meldspoor.reporting.readmodel.ReadModel readModel) {
        for (int from = 0; from < events.size(); from += POLL) {
            readModel.applyAll(events.subList(from, Math.min(events.size(), from + POLL)), 0);
        }
    }

    private static long time(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return System.nanoTime() - start;
    }

    /** p50 and p99 in ms over {@code ROUNDS} requests, after a warm-up of a third as many. */
    private static double[] percentiles(Supplier<?> request) {
        for (int i = 0; i < ROUNDS / 3; i++) {
            request.get();
        }
        double[] millis = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            millis[i] = time(request::get) / 1e6;
        }
        Arrays.sort(millis);
        return new double[]{millis[(int) Math.ceil(ROUNDS * 0.5) - 1], millis[(int) Math.ceil(ROUNDS * 0.99) - 1]};
    }

    private static final class JsonOf {
        static boolean same(Dashboard one, Dashboard other) {
            try {
                return nl.meldspoor.platform.testing.history.CaseHistoryBuilder.JSON.writeValueAsString(one)
                        .equals(nl.meldspoor.platform.testing.history.CaseHistoryBuilder.JSON.writeValueAsString(other));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
