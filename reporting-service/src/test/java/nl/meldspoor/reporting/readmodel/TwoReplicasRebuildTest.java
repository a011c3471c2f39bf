package nl.meldspoor.reporting.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import nl.meldspoor.platform.consuming.ConsumingProperties;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.platform.testing.history.CaseHistoryBuilder;
import nl.meldspoor.reporting.InMemoryMongo;
import nl.meldspoor.reporting.meldcase.CaseQueries;
import nl.meldspoor.reporting.meldcase.CaseRecord;
import nl.meldspoor.reporting.meldcase.MeldcodeCases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two reporting replicas share each read model's partitions and one MongoDB. A rebuild started on one replica is
 * joined by the other (its startup upgrade, or an administrator asking there too) — never started over, which would
 * drop what the first one's consumer applied and committed — and switched once, for both.
 */
class TwoReplicasRebuildTest {

    private static final String TOPIC = "meldspoor.case-events";

    private final InMemoryMongo mongo = new InMemoryMongo();

    /** One replica: its own read model, pointer, switch and containers on the shared database. */
    private final class Replica {
        final MeldcodeCases cases = mongo.meldcodeCases();
        final Generations generations = new Generations(mongo.template());
        final ReadModelPositions positions = new ReadModelPositions(mongo.template());
        final ReadModelRebuilds rebuilds = new ReadModelRebuilds(mongo.template(), Clock.systemUTC());
        final GenerationSwitch generationSwitch = new GenerationSwitch(generations, positions, rebuilds, mongo.template(), new ReportingProperties(null, null, null, null, null, null, null), List.of(), new StatedPartitionEnds());
        final ReadModelContainers containers = new ReadModelContainers(List.of(cases), null, null, null, positions, rebuilds,
                new ReportingProperties(null, null, null, null, null, null, null), mongo.template(), null, generations, generationSwitch, ConsumingProperties.defaults(),
                new SimpleMeterRegistry());
        final CaseQueries queries = new CaseQueries(mongo.template(), generations);

        /** As this replica's consumer of the generation on one partition: applies the poll, records its last offset. */
        void consume(int generation, int partition, List<PublishedEvent> poll) {
            cases.applyAll(poll, generation);
            positions.applied(ReadModelContainers.consumerName(MeldcodeCases.NAME, generation), TOPIC, partition, poll.size() - 1,
                    poll.get(poll.size() - 1).recordedAt());
        }
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Test
    void aRebuildStartedOnOneReplicaIsJoinedByTheOtherAndSwitchedForBothWithNothingLost() {
        Replica a = new Replica();
        Replica b = new Replica();
        CaseHistoryBuilder onPartition0 = CaseHistoryBuilder.openedAt("school-a", Instant.parse("2026-03-02T08:00:00Z")).consultedColleague();
        CaseHistoryBuilder onPartition1 = CaseHistoryBuilder.openedAt("school-a", Instant.parse("2026-03-03T08:00:00Z")).consultedColleague()
                .talkedToParents(true);
        a.consume(0, 0, onPartition0.published());
        b.consume(0, 1, onPartition1.published());

        assertThat(a.containers.rebuild(MeldcodeCases.NAME)).isTrue();
        a.consume(1, 0, onPartition0.published());
        // replica b asks as well, after a's consumer applied and committed partition 0 into generation 1
        assertThat(b.containers.rebuild(MeldcodeCases.NAME)).isTrue();
        assertThat(a.generations.pointer(MeldcodeCases.NAME).building()).as("one rebuild, not two").isEqualTo(1);
        b.consume(1, 1, onPartition1.published());

        assertThat(b.generationSwitch.switchIfCaughtUp(b.cases)).as("the replica that sees it caught up switches").isTrue();
        assertThat(a.generationSwitch.switchIfCaughtUp(a.cases)).as("and the other finds it switched").isFalse();

        for (Replica replica : List.of(a, b)) {
            assertThat(replica.generations.active(MeldcodeCases.NAME)).isEqualTo(1);
            for (CaseHistoryBuilder history : List.of(onPartition0, onPartition1)) {
                assertThat(replica.queries.byId(history.caseId())).as("%s in the rebuilt generation", history.caseId()).isPresent();
                assertThat(replica.queries.history(history.caseId())).hasSize(history.events().size());
            }
        }
        assertThat(mongo.template().collectionExists(CaseRecord.COLLECTION)).as("the old generation is dropped").isFalse();
    }

    @Test
    void aViewAnotherReplicaChangedIsReadAgainNotOverwrittenFromMemory() {
        Replica a = new Replica();
        Replica b = new Replica();
        CaseHistoryBuilder history = CaseHistoryBuilder.openedAt("school-a", Instant.parse("2026-03-02T08:00:00Z")).consultedColleague()
                .talkedToParents(true).askedVeiligThuis().suspicionAndUnsafety();
        List<PublishedEvent> events = history.published();
        assertThat(events).hasSizeGreaterThanOrEqualTo(6);

        a.cases.applyAll(events.subList(0, 2), 0);
        // another writer applies the next one: a dead letter replayed on replica b, say
        b.cases.heldEventsMayHaveChanged();
        b.cases.applyAll(events.subList(2, 3), 0);
        a.cases.applyAll(events.subList(3, 4), 0);
        assertThat(a.cases.incompleteAggregates()).as("no gap is seen where the other replica filled it").isEmpty();
        assertThat(a.queries.byId(history.caseId()).orElseThrow().appliedSequence()).isEqualTo(3);

        b.cases.applyAll(events.subList(4, 5), 0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> a.cases.applyAll(events.subList(4, 6), 0))
                .as("a write over a view changed meanwhile fails the poll").isInstanceOf(IllegalStateException.class);
        // the container delivers the poll again
        a.cases.applyAll(events.subList(4, 6), 0);

        CaseRecord view = a.queries.byId(history.caseId()).orElseThrow();
        assertThat(view.appliedSequence()).isEqualTo(5);
        assertThat(view.version()).as("every event applied once").isEqualTo(6);
        assertThat(a.queries.history(history.caseId())).hasSize(6);
    }

    @Test
    void twoReplicasStartingARebuildAtOnceStartOneGeneration() throws Exception {
        for (int round = 0; round < 20; round++) {
            mongo.template().dropCollection(Generations.COLLECTION);
            Generations a = new Generations(mongo.template());
            Generations b = new Generations(mongo.template());
            CyclicBarrier together = new CyclicBarrier(2);
            CompletableFuture<Generations.Building> onA = CompletableFuture.supplyAsync(() -> {
                await(together);
                return a.startBuilding(MeldcodeCases.NAME, 3).orElseThrow();
            });
            CompletableFuture<Generations.Building> onB = CompletableFuture.supplyAsync(() -> {
                await(together);
                return b.startBuilding(MeldcodeCases.NAME, 3).orElseThrow();
            });
            List<Generations.Building> started = new ArrayList<>(List.of(onA.get(), onB.get()));
            assertThat(started).extracting(Generations.Building::generation).containsOnly(1);
            assertThat(started).filteredOn(Generations.Building::startedNow).as("round %d: one starts it, one joins", round).hasSize(1);
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
