package nl.meldspoor.reporting.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.platform.testing.history.CaseHistoryBuilder;
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
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboards from the counters are the dashboards as they were computed from every case, signal and incident:
 * for a generated board, at every level, for every month, term and school year, exact and suppressed — compared as
 * the JSON the web's leadership pages get.
 */
class CountersGiveTheSameDashboardsTest {

    private static final LocalDate FIRST_YEAR = LocalDate.of(2025, 8, 1);
    private static final Clock NOW = InMemoryMongo.clockAt(Instant.parse("2027-03-15T12:00:00Z"));
    private static final ObjectMapper JSON = CaseHistoryBuilder.JSON;

    /** One generated board for the comparisons: loading it into the old read models and the counters is most of the run. */
    private static InMemoryMongo board;
    private static OldDashboards before;
    private static Dashboards after;
    private static final List<School> schools = new ArrayList<>();
    private static final List<Scope> scopes = new ArrayList<>();

    /** A fresh Mongo for the tests that write and drop the counters themselves. */
    private final InMemoryMongo mongo = new InMemoryMongo();
    private final DashboardCounters counters = CountersOnMongo.on(mongo);

    @BeforeAll
    static void aGeneratedBoardOfSixSchoolsInTwoClustersLoadedBothWays() {
        for (int i = 0; i < 6; i++) {
            schools.add(new School("school-" + i, "School " + i));
        }
        schools.forEach(school -> scopes.add(new Scope(Level.SCHOOL, school.id(), school.name(), List.of(school))));
        scopes.add(new Scope(Level.CLUSTER, "cluster-noord", "Cluster Noord", schools.subList(0, 3)));
        scopes.add(new Scope(Level.CLUSTER, "cluster-zuid", "Cluster Zuid", schools.subList(3, 6)));
        scopes.add(new Scope(Level.BOARD, "bestuur", "Bestuur", schools));
        board = new InMemoryMongo();
        MeldcodeCases cases = board.meldcodeCases();
        PupilSignals pupils = board.pupilSignals();
        IncidentRegister incidents = board.incidentRegister();
        DashboardCounters boardCounters = CountersOnMongo.on(board);
        for (PublishedEvent event : everyEvent()) {
            cases.apply(event);
            pupils.apply(event);
            incidents.apply(event);
            boardCounters.apply(event);
        }
        before = new OldDashboards(new CaseQueries(board.template()), new SignalFacts(board.template()),
                new IncidentQueries(board.template()), new DashboardProperties(5), NOW);
        after = new Dashboards(new CounterQueries(board.template()), new DashboardProperties(5), NOW);
    }

    @AfterAll
    static void dropTheBoard() {
        board.close();
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    private static List<PublishedEvent> everyEvent() {
        List<PublishedEvent> all = new ArrayList<>();
        BoardHistory.generate(20261202L, schools, FIRST_YEAR, 2, 5).forEach(all::addAll);
        return all;
    }

    /** Every whole month, term and school year of the two generated school years, and the year before (empty). */
    private static List<LocalDate[]> wholePeriods() {
        List<LocalDate[]> periods = new ArrayList<>();
        for (LocalDate month = FIRST_YEAR.minusYears(1); month.isBefore(FIRST_YEAR.plusYears(2)); month = month.plusMonths(1)) {
            periods.add(new LocalDate[]{month, month.plusMonths(1)});
        }
        for (LocalDate year = FIRST_YEAR.minusYears(1); year.isBefore(FIRST_YEAR.plusYears(2)); year = year.plusYears(1)) {
            periods.add(new LocalDate[]{year, year.plusMonths(5)});
            periods.add(new LocalDate[]{year.plusMonths(5), year.plusMonths(8)});
            periods.add(new LocalDate[]{year.plusMonths(8), year.plusYears(1)});
            periods.add(new LocalDate[]{year, year.plusYears(1)});
        }
        periods.add(new LocalDate[]{FIRST_YEAR, FIRST_YEAR.plusYears(2)});
        return periods;
    }

    @Test
    void everyLevelAndPeriodGivesTheSameDashboardAsComputingFromEveryCase() throws Exception {
        int compared = 0;
        int withOverdue = 0;
        for (Scope scope : scopes) {
            for (LocalDate[] period : wholePeriods()) {
                for (boolean exact : scope.level() == Level.SCHOOL ? new boolean[]{true, false} : new boolean[]{false}) {
                    Dashboard old = before.of(scope, period[0], period[1], exact);
                    Dashboard fromCounters = after.of(scope, period[0], period[1], exact);
                    assertThat(JSON.writeValueAsString(fromCounters))
                            .as("%s %s %s–%s exact=%s", scope.level(), scope.id(), period[0], period[1], exact)
                            .isEqualTo(JSON.writeValueAsString(old));
                    compared++;
                    withOverdue += old.totals().overdueDeadlines().value() != null && old.totals().overdueDeadlines().value() > 0 ? 1 : 0;
                }
            }
        }
        assertThat(compared).isGreaterThan(300);
        assertThat(withOverdue).as("the generated board has overdue deadlines to compare").isPositive();
    }

    @Test
    void aSchoolsOwnStaffGetTheSameFiguresForAnyWindow() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 60; i++) {
            Scope school = scopes.get(random.nextInt(schools.size()));
            LocalDate from = FIRST_YEAR.plusDays(random.nextInt(700));
            LocalDate to = from.plusDays(1 + random.nextInt(200));
            assertThat(JSON.writeValueAsString(after.of(school, from, to, true)))
                    .as("%s %s–%s", school.id(), from, to)
                    .isEqualTo(JSON.writeValueAsString(before.of(school, from, to, true)));
        }
    }

    @Test
    void aRedeliveredEventChangesNoCounter() {
        List<PublishedEvent> events = everyEvent();
        events.forEach(counters::apply);
        List<List<Document>> counted = stored();
        assertThat(counted.get(0)).as("counters were written").isNotEmpty();

        List<PublishedEvent> again = new ArrayList<>(events);
        Collections.shuffle(again, new Random(3));
        again.forEach(counters::apply);

        assertThat(stored()).isEqualTo(counted);
    }

    @Test
    void eventsThatArriveAfterAGapAreCountedOnceTheMissingOneArrives() {
        List<List<PublishedEvent>> aggregates = BoardHistory.generate(99L, schools, FIRST_YEAR, 2, 2);
        aggregates.forEach(history -> history.forEach(counters::apply));
        List<List<Document>> inOrder = stored();
        mongo.template().getCollectionNames().forEach(collection -> mongo.template().dropCollection(collection));
        counters.prepareStorage();

        // each aggregate's first event comes last: everything after it waits until it arrives
        for (List<PublishedEvent> history : aggregates) {
            history.subList(1, history.size()).forEach(counters::apply);
        }
        assertThat(stored().get(0)).as("nothing counted while every history has a hole at its start").isEmpty();
        aggregates.forEach(history -> counters.apply(history.get(0)));

        assertThat(stored()).isEqualTo(inOrder);
    }

    /**
     * The counters, samples and open cases as stored, without the guards of changes being added (settled ones are left
     * until a later poll forgets them), and
     * without the counts that went back to zero (the queries leave them out; counted in another order there are others),
     * nor the schools with no case open, nor the open cases' stamps (new with every write, whatever it wrote).
     */
    static List<List<Document>> stored(InMemoryMongo mongo) {
        List<Document> months = mongo.template().findAll(Document.class, "dashboard_counters");
        months.sort(java.util.Comparator.comparing(document -> document.getString("_id")));
        months.forEach(month -> {
            month.remove("adding");
            withoutZeros(month.get("totals", Document.class));
            Document days = month.get("days", Document.class);
            if (days != null) {
                days.values().forEach(day -> withoutZeros((Document) day));
                days.values().removeIf(day -> ((Document) day).isEmpty());
            }
        });
        List<Document> open = mongo.template().findAll(Document.class, "dashboard_open_cases");
        // a school whose open cases all closed keeps an empty document, or none when none was open at a poll's end
        open.removeIf(school -> school.get("cases", Document.class).isEmpty());
        open.forEach(school -> school.remove("stamp"));
        open.sort(java.util.Comparator.comparing(document -> document.getString("_id")));
        List<Document> samples = mongo.template().findAll(Document.class, "dashboard_counter_samples");
        samples.sort(java.util.Comparator.comparing(document -> document.getString("_id")));
        return List.of(months, open, samples);
    }

    private static void withoutZeros(Document counts) {
        if (counts != null) {
            counts.values().removeIf(amount -> ((Number) amount).intValue() == 0);
        }
    }

    private List<List<Document>> stored() {
        return stored(mongo);
    }
}
