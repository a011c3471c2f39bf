package nl.meldspoor.reporting.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.meldspoor.api.calendar.WorkingDays;
import nl.meldspoor.platform.consuming.ConsumingProperties;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.platform.consuming.StoredEvents;
import nl.meldspoor.platform.testing.history.CaseHistoryBuilder;
import nl.meldspoor.reporting.InMemoryMongo;
import nl.meldspoor.reporting.dashboard.counters.Counter;
import nl.meldspoor.reporting.dashboard.counters.CounterQueries;
import nl.meldspoor.reporting.dashboard.counters.DashboardCounters;
import nl.meldspoor.reporting.dashboard.counters.GuardsInMonths;
import nl.meldspoor.reporting.meldcase.CaseDeadlines;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * Month counters of format 1 (every aggregate's contribution inside the month document, summed on each write) cannot
 * be added to by this code, and their folds say the events are applied already. The dashboard counters are kept per
 * generation: at startup such a generation is counted again from offset 0 into the next one, in the new format, beside
 * it; the dashboards count nothing from the older one (this code cannot read it) and read the new one once it is
 * switched to. A rebuild of current counters is served from the old generation until the switch.
 */
class DashboardCountersOfAnOlderFormatAreCountedAgainTest {

    private static final Instant SEPTEMBER = Instant.parse("2026-09-07T08:00:00Z");

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final DashboardCounters counters = new DashboardCounters(mongo.template(),
            (MongoMappingContext) mongo.template().getConverter().getMappingContext(), new StoredEvents(CaseHistoryBuilder.JSON),
            new CaseDeadlines(WorkingDays.dutch(), 5));
    private final Generations generations = new Generations(mongo.template());
    private final ReadModelPositions positions = new ReadModelPositions(mongo.template());
    private final ReadModelRebuilds rebuilds = new ReadModelRebuilds(mongo.template(), Clock.systemUTC());
    private final List<PublishedEvent> aCase = CaseHistoryBuilder.openedAt("school-a", SEPTEMBER).consultedColleague().published();

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Test
    void aStoreOfTheOlderFormatIsDroppedAndCountedAgainInTheNewOne() {
        String caseId = aCase.get(0).aggregateId();
        // as the previous release left it: the month with the case's contribution inside, the fold at the case's last event
        mongo.template().getCollection("dashboard_counters").insertOne(new Document("_id", "school-a|2026-09").append("version", 1L)
                .append("schoolId", "school-a").append("month", "2026-09").append("totals", new Document("opened", 1))
                .append("days", List.of(new Document("day", 7).append("counts", new Document("opened", 1))))
                .append("samples", List.of())
                .append("sources", List.of(new Document("aggregateId", caseId).append("counts",
                        List.of(new Document("day", 7).append("counter", "opened").append("amount", 1))).append("samples", List.of()))));
        mongo.template().getCollection("dashboard_counter_sources").insertOne(new Document("_id", caseId)
                .append("appliedSequence", (long) aCase.size() - 1));
        positions.applied(DashboardCounters.NAME, "meldspoor.case-events", 0, aCase.size() - 1, aCase.get(aCase.size() - 1).recordedAt());
        assertThat(counters.writtenByOlderFormat(0)).isTrue();

        CounterQueries dashboards = dashboards();

        upgradeAndCountAgain();

        assertThat(mongo.template().getCollection("dashboard_counters").countDocuments()).as("generation 0 left as it was").isEqualTo(1);
        assertThat(counters.writtenByOlderFormat(1)).isFalse();
        assertThat(opened(dashboards)).isEqualTo(1);
        assertThat(dashboards.tally(List.of("school-a"), LocalDate.of(2026, 9, 7), LocalDate.of(2026, 9, 8))
                .counts().get("school-a")).as("the day, from the new shape").containsKey(LocalDate.of(2026, 9, 7));
    }

    /** Format 2 guarded a change by its sequence number only: a guard a crash left there cannot say what the month holds. */
    @Test
    void aStoreWhoseGuardsHoldOnlyTheSequenceNumberIsCountedAgain() {
        String caseId = aCase.get(0).aggregateId();
        mongo.template().getCollection("dashboard_counters").insertOne(new Document("_id", "school-a|2026-09").append("format", 2)
                .append("schoolId", "school-a").append("month", "2026-09").append("totals", new Document("opened", 1))
                .append("days", new Document("2026-09-07", new Document("opened", 1)))
                .append("adding", new Document(caseId, 1L)));

        assertThat(counters.writtenByOlderFormat(0)).isTrue();
        upgradeAndCountAgain();
        assertThat(opened(dashboards())).isEqualTo(1);
        assertThat(GuardsInMonths.unsettled(mongo.template(), 1)).as("no guard of format 2 carried over, none left unsettled").isEmpty();
    }

    /** Format 3 kept a document per open case, which the dashboards of format 4 (one per school) would not read. */
    @Test
    void aStoreWithADocumentPerOpenCaseIsCountedAgain() {
        String caseId = aCase.get(0).aggregateId();
        mongo.template().getCollection("dashboard_counters").insertOne(new Document("_id", "school-a|2026-09").append("format", 3)
                .append("schoolId", "school-a").append("month", "2026-09").append("totals", new Document("opened", 1))
                .append("days", new Document("2026-09-07", new Document("opened", 1))));
        mongo.template().getCollection("dashboard_open_cases").insertOne(new Document("_id", caseId).append("schoolId", "school-a")
                .append("openedAt", java.util.Date.from(SEPTEMBER)).append("dues", List.of("2026-09-14")));

        assertThat(counters.writtenByOlderFormat(0)).isTrue();
        upgradeAndCountAgain();

        Document school = mongo.template().getCollection("dashboard_open_cases_g1").find().first();
        assertThat(school.getString("_id")).isEqualTo("school-a");
        assertThat(school.get("cases", Document.class)).as("the case, in its school's document").hasSize(1);
        var tally = dashboards().tally(List.of("school-a"), LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 1));
        assertThat(tally.openCases()).singleElement().satisfies(open -> assertThat(open.schoolId()).isEqualTo("school-a"));
    }

    /**
     * Format 4 kept the samples per school month, a case's samples as an array of numbers and an open case as a document,
     * which format 5 (the samples per school year, one binary value each) would not read.
     */
    @Test
    void aStoreWithSamplesAndOpenCasesAsDocumentsIsCountedAgain() {
        String caseKey = aCase.get(0).aggregateId();
        mongo.template().getCollection("dashboard_counters").insertOne(new Document("_id", "school-a|2026-09").append("format", 4)
                .append("schoolId", "school-a").append("month", "2026-09").append("totals", new Document("opened", 1))
                .append("days", new Document("2026-09-07", new Document("opened", 1))));
        mongo.template().getCollection("dashboard_counter_samples").insertOne(new Document("_id", "school-a|2026-09")
                .append("schoolId", "school-a").append("month", "2026-09").append("samples", new Document(caseKey, List.of(7, 1, 0.0))));
        mongo.template().getCollection("dashboard_open_cases").insertOne(new Document("_id", "school-a").append("cases",
                new Document(caseKey, new Document("openedAt", java.util.Date.from(SEPTEMBER)).append("dues", List.of()))));

        assertThat(counters.writtenByOlderFormat(0)).isTrue();
        upgradeAndCountAgain();

        Document samples = mongo.template().getCollection("dashboard_counter_samples_g1").find().first();
        assertThat(samples.getString("_id")).as("one document per school and school year").isEqualTo("school-a|2026-2027");
        assertThat(samples.get("samples", Document.class).get("2026-09", Document.class).values()).singleElement().isInstanceOf(Binary.class);
        Document school = mongo.template().getCollection("dashboard_open_cases_g1").find().first();
        assertThat(school.get("cases", Document.class).values()).singleElement().isInstanceOf(Binary.class);
        var tally = dashboards().tally(List.of("school-a"), LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 1));
        assertThat(tally.samples()).singleElement().satisfies(sample -> {
            assertThat(sample.day()).isEqualTo(LocalDate.of(2026, 9, 7));
            assertThat(sample.fromStep()).isEqualTo(1);
        });
        assertThat(tally.openCases()).singleElement().satisfies(open -> assertThat(open.schoolId()).isEqualTo("school-a"));
    }

    /**
     * Format 5 stored each fold as a mapped document, where this format stores one JSON value: it is counted again beside
     * it, and as its months, samples and open cases are those of this format, the dashboards read it meanwhile.
     */
    @Test
    void aStoreWithMappedFoldsIsCountedAgainAndReadUntilTheSwitch() {
        String caseId = aCase.get(0).aggregateId();
        aCase.forEach(counters::apply);
        // as format 5 left it: its months marked 5, the fold a mapped document, the pointer recording format 5
        mongo.template().getCollection("dashboard_counters").updateMany(new Document(), new Document("$set", new Document("format", 5)));
        mongo.template().getCollection("dashboard_counter_sources").replaceOne(new Document("_id", caseId),
                new Document("_id", caseId).append("appliedSequence", (long) aCase.size() - 1));
        generations.activeIsCurrentFormat(DashboardCounters.NAME, 0, 5);
        assertThat(counters.writtenByOlderFormat(0)).isTrue();
        CounterQueries dashboards = dashboards();

        replica().upgradeOlderViewFormats();
        assertThat(generations.pointer(DashboardCounters.NAME).building()).as("rebuilt beside generation 0").isEqualTo(1);
        assertThat(opened(dashboards)).as("generation 0, read until the switch").isEqualTo(1);

        counters.applyAll(aCase, 1);
        assertThat(generations.switchTo(DashboardCounters.NAME, 1, counters.viewFormat())).isTrue();
        assertThat(opened(dashboards)).isEqualTo(1);
        assertThat(mongo.template().getCollection("dashboard_counter_sources_g1").find().first().keySet()).containsExactly("_id", "fold", "contributions");
    }

    @Test
    void aStoreOfTheCurrentFormatIsKept() {
        aCase.forEach(counters::apply);

        replica().upgradeOlderViewFormats();

        assertThat(rebuilds.status(DashboardCounters.NAME)).isEmpty();
        assertThat(generations.pointer(DashboardCounters.NAME)).isEqualTo(new Generations.Pointer(DashboardCounters.NAME, 0, null, counters.viewFormat()));
        assertThat(opened(dashboards())).isEqualTo(1);
    }

    @Test
    void aRebuildCountsBesideTheServedCountersWhichTheDashboardsReadUntilTheSwitch() {
        aCase.forEach(counters::apply);
        replica().upgradeOlderViewFormats();
        CounterQueries dashboards = dashboards();
        assertThat(opened(dashboards)).isEqualTo(1);

        replica().rebuild(DashboardCounters.NAME);
        assertThat(generations.pointer(DashboardCounters.NAME).building()).isEqualTo(1);
        List<PublishedEvent> another = CaseHistoryBuilder.openedAt("school-a", SEPTEMBER.plusSeconds(3_600)).published();
        counters.applyAll(aCase.subList(0, 1), 1);
        assertThat(opened(dashboards)).as("the served generation, not the one half rebuilt").isEqualTo(1);
        counters.applyAll(another, 1);
        counters.applyAll(aCase.subList(1, aCase.size()), 1);
        assertThat(opened(dashboards)).as("still the served one before the switch").isEqualTo(1);

        assertThat(generations.switchTo(DashboardCounters.NAME, 1, counters.viewFormat())).isTrue();

        assertThat(opened(dashboards)).as("the rebuilt generation, which also counted the case generation 0 never saw").isEqualTo(2);
    }

    @Test
    void anEmptyStoreIsNotRebuilt() {
        replica().upgradeOlderViewFormats();

        assertThat(rebuilds.status(DashboardCounters.NAME)).isEmpty();
    }

    /**
     * At startup the older generation 0 is rebuilt beside it into generation 1, which the dashboards do not read yet;
     * they count nothing from generation 0 either (this code cannot read it). Then the consumer counts the case into
     * generation 1 and the pointer switches to it.
     */
    private void upgradeAndCountAgain() {
        replica().upgradeOlderViewFormats();
        assertThat(generations.pointer(DashboardCounters.NAME).building()).as("rebuilt beside the older generation").isEqualTo(1);
        assertThat(mongo.template().getCollection("dashboard_counters").countDocuments()).as("which is left as it is").isPositive();
        assertThat(opened(dashboards())).as("nothing counted from the older format").isZero();

        counters.applyAll(aCase, 1);
        assertThat(generations.switchTo(DashboardCounters.NAME, 1, counters.viewFormat())).isTrue();
    }

    private CounterQueries dashboards() {
        return new CounterQueries(mongo.template(), generations, 100, 100, true);
    }

    private static int opened(CounterQueries dashboards) {
        var bySchool = dashboards.tally(List.of("school-a"), LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 1)).counts().get("school-a");
        return bySchool == null ? 0 : bySchool.values().stream().mapToInt(counts -> counts[Counter.OPENED]).sum();
    }

    /** A replica's containers, not started: no Kafka is needed to decide on the rebuild. */
    private ReadModelContainers replica() {
        return new ReadModelContainers(List.of(counters), null, null, null, positions, rebuilds,
                new ReportingProperties(null, null, null, null, null, null, null), mongo.template(), null, generations,
                new GenerationSwitch(generations, positions, rebuilds, mongo.template(), new ReportingProperties(null, null, null, null, null, null, null), List.of(), new StatedPartitionEnds()),
                ConsumingProperties.defaults(),
                new SimpleMeterRegistry());
    }
}
