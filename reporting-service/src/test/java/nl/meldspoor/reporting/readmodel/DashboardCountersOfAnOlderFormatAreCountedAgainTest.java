package nl.meldspoor.reporting.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.meldspoor.api.calendar.WorkingDays;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.platform.consuming.StoredEvents;
import nl.meldspoor.platform.testing.history.CaseHistoryBuilder;
import nl.meldspoor.reporting.InMemoryMongo;
import nl.meldspoor.reporting.dashboard.counters.Counter;
import nl.meldspoor.reporting.dashboard.counters.CounterQueries;
import nl.meldspoor.reporting.dashboard.counters.DashboardCounters;
import nl.meldspoor.reporting.meldcase.CaseDeadlines;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * Month counters of format 1 (every aggregate's contribution inside the month document, summed on each write) cannot
 * be added to by this code, and their folds say the events are applied already. The dashboard counters are a plain read
 * model: at startup such a store is dropped and counted again from offset 0, in the new format.
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

        replica().upgradeOlderViewFormats();

        assertThat(rebuilds.requested(DashboardCounters.NAME)).as("a replay from offset 0 is asked of the consumer").isTrue();
        assertThat(mongo.template().getCollection("dashboard_counters").countDocuments()).as("the old months are dropped").isZero();
        assertThat(mongo.template().getCollection("dashboard_counter_sources").countDocuments()).as("and the folds with them").isZero();

        // the consumer replays the topic from offset 0
        aCase.forEach(counters::apply);

        assertThat(counters.writtenByOlderFormat(0)).isFalse();
        var tally = new CounterQueries(mongo.template()).tally(List.of("school-a"), LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 1));
        assertThat(tally.counts().get("school-a").values().stream().mapToInt(counts -> counts[Counter.OPENED]).sum()).isEqualTo(1);
        assertThat(new CounterQueries(mongo.template()).tally(List.of("school-a"), LocalDate.of(2026, 9, 7), LocalDate.of(2026, 9, 8))
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
        replica().upgradeOlderViewFormats();
        assertThat(rebuilds.requested(DashboardCounters.NAME)).as("a replay from offset 0 is asked of the consumer").isTrue();
        assertThat(mongo.template().getCollection("dashboard_counters").countDocuments()).isZero();
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
        replica().upgradeOlderViewFormats();
        assertThat(mongo.template().getCollection("dashboard_open_cases").countDocuments()).as("the open cases go with the months").isZero();
        aCase.forEach(counters::apply);

        Document school = mongo.template().getCollection("dashboard_open_cases").find().first();
        assertThat(school.getString("_id")).isEqualTo("school-a");
        assertThat(school.get("cases", Document.class)).as("the case, in its school's document").hasSize(1);
        var tally = new CounterQueries(mongo.template()).tally(List.of("school-a"), LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 1));
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
        replica().upgradeOlderViewFormats();
        assertThat(mongo.template().getCollection("dashboard_counter_samples").countDocuments()).as("the samples go with the months").isZero();
        assertThat(mongo.template().getCollection("dashboard_open_cases").countDocuments()).as("the open cases too").isZero();
        aCase.forEach(counters::apply);

        Document samples = mongo.template().getCollection("dashboard_counter_samples").find().first();
        assertThat(samples.getString("_id")).as("one document per school and school year").isEqualTo("school-a|2026-2027");
        assertThat(samples.get("samples", Document.class).get("2026-09", Document.class).values()).singleElement().isInstanceOf(Binary.class);
        Document school = mongo.template().getCollection("dashboard_open_cases").find().first();
        assertThat(school.get("cases", Document.class).values()).singleElement().isInstanceOf(Binary.class);
        var tally = new CounterQueries(mongo.template()).tally(List.of("school-a"), LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 1));
        assertThat(tally.samples()).singleElement().satisfies(sample -> {
            assertThat(sample.day()).isEqualTo(LocalDate.of(2026, 9, 7));
            assertThat(sample.fromStep()).isEqualTo(1);
        });
        assertThat(tally.openCases()).singleElement().satisfies(open -> assertThat(open.schoolId()).isEqualTo("school-a"));
    }

    @Test
    void aStoreOfTheCurrentFormatIsKept() {
        aCase.forEach(counters::apply);

        replica().upgradeOlderViewFormats();

        assertThat(rebuilds.status(DashboardCounters.NAME)).isEmpty();
        assertThat(mongo.template().getCollection("dashboard_counters").countDocuments()).isEqualTo(1);
    }

    @Test
    void anEmptyStoreIsNotRebuilt() {
        replica().upgradeOlderViewFormats();

        assertThat(rebuilds.status(DashboardCounters.NAME)).isEmpty();
    }

    /** A replica's containers, not started: no Kafka is needed to decide on the rebuild. */
    private ReadModelContainers replica() {
        return new ReadModelContainers(List.of(counters), null, null, null, positions, rebuilds,
                new ReportingProperties(null, null, null, null, null, null), mongo.template(), null, generations,
                new GenerationSwitch(generations, positions, rebuilds, mongo.template()));
    }
}
