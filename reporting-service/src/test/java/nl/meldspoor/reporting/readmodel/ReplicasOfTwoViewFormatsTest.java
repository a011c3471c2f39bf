package nl.meldspoor.reporting.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import nl.meldspoor.api.calendar.WorkingDays;
import nl.meldspoor.platform.consuming.ConsumingProperties;
import nl.meldspoor.platform.consuming.StoredEvents;
import nl.meldspoor.platform.testing.history.CaseHistoryBuilder;
import nl.meldspoor.reporting.InMemoryMongo;
import nl.meldspoor.reporting.meldcase.CaseDeadlines;
import nl.meldspoor.reporting.meldcase.CaseDossiers;
import nl.meldspoor.reporting.meldcase.CaseRecord;
import nl.meldspoor.reporting.meldcase.MeldcodeCases;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * A rolling update that changes a read model's view format runs replicas of both versions side by side. Each keeps
 * current only the generations written in its own format — the served one in the old format, the one being rebuilt in
 * the new — so neither writes its format into documents the other reads in its own (for the counters: an aggregate's
 * contributions looked for where the other format does not keep them, and counted again).
 */
class ReplicasOfTwoViewFormatsTest {

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final Generations generations = new Generations(mongo.template());
    private final ReadModelPositions positions = new ReadModelPositions(mongo.template());
    private final ReadModelRebuilds rebuilds = new ReadModelRebuilds(mongo.template(), Clock.systemUTC());
    private final GenerationSwitch generationSwitch = new GenerationSwitch(generations, positions, rebuilds, mongo.template(),
            new ReportingProperties(null, null, null, null, null, null, null), List.of(), new StatedPartitionEnds());
    private final MeldcodeCases current = mongo.meldcodeCases();
    private final MeldcodeCases next = casesInFormat(current.viewFormat() + 1);

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Test
    void theNewVersionRebuildsBesideTheServedGenerationWhichTheOldVersionKeepsAlone() {
        generations.activeIsCurrentFormat(MeldcodeCases.NAME, 0, current.viewFormat());

        replica(next).rebuild(MeldcodeCases.NAME);
        replica(current).rebuild(MeldcodeCases.NAME);

        Generations.Pointer pointer = generations.pointer(MeldcodeCases.NAME);
        assertThat(pointer.building()).as("one rebuild, in the new format").isEqualTo(1);
        assertThat(pointer.buildingFormat()).isEqualTo(next.viewFormat());
        assertThat(pointer.consumedBy(current.viewFormat(), null)).as("the old version keeps the served generation only").containsExactly(0);
        assertThat(pointer.consumedBy(next.viewFormat(), null)).as("the new version keeps the rebuilt one only").containsExactly(1);

        assertThat(generationSwitch.switchIfCaughtUp(current)).as("switched by a replica of the old version").isTrue();

        pointer = generations.pointer(MeldcodeCases.NAME);
        assertThat(pointer.format()).as("the format the generation was built in, not the switching replica's").isEqualTo(next.viewFormat());
        assertThat(pointer.buildingFormat()).isNull();
        assertThat(pointer.consumedBy(current.viewFormat(), null)).as("the old version writes nothing after the switch").isEmpty();
        assertThat(pointer.consumedBy(next.viewFormat(), null)).containsExactly(1);
    }

    @Test
    void aRebuildTheOldVersionStartedIsReplacedByOneInTheNewFormat() {
        generations.activeIsCurrentFormat(MeldcodeCases.NAME, 0, current.viewFormat());
        replica(current).rebuild(MeldcodeCases.NAME);
        current.applyAll(CaseHistoryBuilder.openedAt("school-a", java.time.Instant.parse("2026-03-02T08:00:00Z")).published(), 1);
        String olderBuild = Generations.nameOf(CaseRecord.COLLECTION, 1);
        assertThat(mongo.template().getCollection(olderBuild).countDocuments(new Document())).isEqualTo(1);

        replica(next).rebuild(MeldcodeCases.NAME);

        Generations.Pointer pointer = generations.pointer(MeldcodeCases.NAME);
        assertThat(pointer.building()).isEqualTo(2);
        assertThat(pointer.buildingFormat()).isEqualTo(next.viewFormat());
        assertThat(mongo.template().collectionExists(olderBuild)).as("the replaced generation is dropped").isFalse();
        assertThat(rebuilds.status(MeldcodeCases.NAME).orElseThrow().generation()).isEqualTo(2);
        assertThat(pointer.consumedBy(current.viewFormat(), null)).containsExactly(0);
        assertThat(pointer.consumedBy(next.viewFormat(), null)).containsExactly(2);
    }

    @Test
    void aRebuildStartedBeforeFormatsWereRecordedWithItIsJoinedAsBefore() {
        mongo.template().save(new Generations.Pointer(MeldcodeCases.NAME, 0, 1, current.viewFormat()), Generations.COLLECTION);

        Generations.Building joined = generations.startBuilding(MeldcodeCases.NAME, current.viewFormat()).orElseThrow();

        assertThat(joined).isEqualTo(new Generations.Building(1, false));
        assertThat(generations.pointer(MeldcodeCases.NAME).consumedBy(current.viewFormat(), null)).containsExactlyInAnyOrder(0, 1);
    }

    @Test
    void aServedGenerationFoundInAnOlderFormatAtStartupIsNotWrittenWhileItIsRebuilt() {
        mongo.template().save(new Generations.Pointer(MeldcodeCases.NAME, 0, 1, null, current.viewFormat()), Generations.COLLECTION);

        assertThat(generations.pointer(MeldcodeCases.NAME).consumedBy(current.viewFormat(), 0)).containsExactly(1);
        assertThat(generations.pointer(MeldcodeCases.NAME).consumedBy(current.viewFormat(), null)).containsExactlyInAnyOrder(0, 1);
    }

    private MeldcodeCases casesInFormat(int format) {
        MeldcodeCases cases = new MeldcodeCases(mongo.template(), (MongoMappingContext) mongo.template().getConverter().getMappingContext(),
                generations, new StoredEvents(CaseHistoryBuilder.JSON), new CaseDeadlines(WorkingDays.dutch(), 5),
                new CaseDossiers(CaseHistoryBuilder.JSON)) {
            @Override
            public int viewFormat() {
                return format;
            }
        };
        cases.prepareStorage();
        return cases;
    }

    /** A replica's containers, not started: deciding and starting a rebuild needs no Kafka. */
    private ReadModelContainers replica(ReadModel readModel) {
        return new ReadModelContainers(List.of(readModel), null, null, null, positions, rebuilds,
                new ReportingProperties(null, null, null, null, null, null, null), mongo.template(), null, generations, generationSwitch,
                ConsumingProperties.defaults(), new SimpleMeterRegistry());
    }
}
