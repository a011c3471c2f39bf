package nl.meldspoor.reporting.dashboard.counters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import nl.meldspoor.api.calendar.WorkingDays;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.platform.consuming.StoredEvents;
import nl.meldspoor.platform.testing.history.CaseHistoryBuilder;
import nl.meldspoor.reporting.InMemoryMongo;
import nl.meldspoor.reporting.meldcase.CaseDeadlines;
import nl.meldspoor.reporting.readmodel.GenerationSwitch;
import nl.meldspoor.reporting.readmodel.Generations;
import nl.meldspoor.reporting.readmodel.ReadModelPositions;
import nl.meldspoor.reporting.readmodel.ReadModelRebuilds;
import nl.meldspoor.reporting.readmodel.ReportingProperties;
import nl.meldspoor.reporting.readmodel.StatedPartitionEnds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * The guards a generation's last poll settled wait in memory for its next poll; a generation dropped at a switch gets no
 * next poll, so the switch lets them go (a replica that serves for months goes through many rebuilds).
 */
class CountersLetGoOfADroppedGenerationTest {

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final DashboardCounters counters = new DashboardCounters(mongo.template(),
            (MongoMappingContext) mongo.template().getConverter().getMappingContext(), new StoredEvents(CaseHistoryBuilder.JSON),
            new CaseDeadlines(WorkingDays.dutch(), 5));

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Test
    void theGuardsItsPollsSettledAreLetGoWhenTheSwitchDropsIt() {
        Generations generations = new Generations(mongo.template());
        mongo.template().save(new Generations.Pointer(DashboardCounters.NAME, 0, 1, counters.viewFormat(), counters.viewFormat()),
                "read_model_generations");
        List<PublishedEvent> events = CaseHistoryBuilder.openedAt("school-a", Instant.parse("2026-09-07T08:00:00Z"))
                .consultedColleague().published();
        for (int generation : List.of(0, 1)) {
            counters.prepareStorage(generation);
            counters.applyAll(events, generation);
            assertThat(counters.holdsSettledGuards(generation)).as("generation %d: for its next poll to forget", generation).isTrue();
        }
        GenerationSwitch generationSwitch = new GenerationSwitch(generations, new ReadModelPositions(mongo.template()),
                new ReadModelRebuilds(mongo.template(), Clock.systemUTC()), mongo.template(),
                new ReportingProperties(null, null, null, null, null, null, null), List.of(), new StatedPartitionEnds());

        assertThat(generationSwitch.switchIfCaughtUp(counters)).isTrue();

        assertThat(counters.holdsSettledGuards(0)).as("the dropped generation's").isFalse();
        assertThat(counters.holdsSettledGuards(1)).as("the served generation's, for its next poll").isTrue();
    }
}
