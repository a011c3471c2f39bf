package nl.meldspoor.reporting.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.meldspoor.api.meldcase.CaseOutcome;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.platform.testing.history.CaseHistoryBuilder;
import nl.meldspoor.reporting.InMemoryMongo;
import nl.meldspoor.reporting.meldcase.CaseQueries;
import nl.meldspoor.reporting.meldcase.CaseRecord;
import nl.meldspoor.reporting.meldcase.CaseSummary;
import nl.meldspoor.reporting.meldcase.MeldcodeCases;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageRequest;

/**
 * A rebuild fills a new generation beside the served one: queries keep answering from the old views until the
 * new generation has applied every partition as far as the old one, then from the new ones, and the old go.
 */
class GenerationSwitchTest {

    private static final String TOPIC = "meldspoor.case-events";

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final MeldcodeCases cases = mongo.meldcodeCases();
    private final Generations generations = new Generations(mongo.template());
    private final ReadModelPositions positions = new ReadModelPositions(mongo.template());
    private final ReadModelRebuilds rebuilds = new ReadModelRebuilds(mongo.template(), Clock.systemUTC());
    private final GenerationSwitch generationSwitch = new GenerationSwitch(generations, positions, rebuilds, mongo.template(), new ReportingProperties(null, null, null, null, null, null, null), List.of(), new StatedPartitionEnds());
    private final CaseQueries queries = new CaseQueries(mongo.template(), generations);

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Test
    void queriesDuringARebuildAnswerFromTheOldViewAndAfterItFromTheNew() {
        CaseHistoryBuilder history = CaseHistoryBuilder.openedAt("school-a", Instant.parse("2026-09-07T08:00:00Z"))
                .consultedColleague().talkedToParents(true).noSuspicion();
        List<PublishedEvent> events = history.published();
        consume(0, events, 0);
        // the served generation as an older version of the projection wrote it
        mongo.template().getCollection(CaseRecord.COLLECTION)
                .updateOne(new Document("_id", history.caseId()), new Document("$set", new Document("nextQuestion", "OLD_VIEW")));

        int building = generations.startBuilding(MeldcodeCases.NAME, cases.viewFormat()).orElseThrow().generation();
        rebuilds.replayingInto(MeldcodeCases.NAME, building);
        cases.prepareStorage(building);
        consume(building, events.subList(0, 2), 0);

        assertThat(generationSwitch.switchIfCaughtUp(cases)).as("generation 1 is behind").isFalse();
        assertThat(queries.byId(history.caseId()).orElseThrow().nextQuestion()).isEqualTo("OLD_VIEW");
        assertThat(queries.ofSchool("school-a", null, null, PageRequest.of(0, 10)).getContent())
                .extracting(CaseSummary::nextQuestion).containsExactly("OLD_VIEW");
        assertThat(queries.history(history.caseId())).hasSize(events.size());

        // the live consumer keeps the served generation current meanwhile; the rebuild has to pass it
        List<PublishedEvent> closing = history.closed(CaseOutcome.NO_SUSPICION).published();
        PublishedEvent closed = closing.get(closing.size() - 1);
        consume(0, List.of(closed), events.size());
        consume(building, events.subList(2, events.size()), 2);
        assertThat(generationSwitch.switchIfCaughtUp(cases)).as("the served generation got one more event").isFalse();
        assertThat(queries.byId(history.caseId()).orElseThrow().status()).isEqualTo("CLOSED");

        consume(building, List.of(closed), events.size());
        assertThat(generationSwitch.switchIfCaughtUp(cases)).isTrue();

        CaseRecord served = queries.byId(history.caseId()).orElseThrow();
        assertThat(served.nextQuestion()).isNull();
        assertThat(served.status()).isEqualTo("CLOSED");
        assertThat(generations.pointer(MeldcodeCases.NAME)).isEqualTo(new Generations.Pointer(MeldcodeCases.NAME, building, null, 3));
        assertThat(mongo.template().collectionExists(CaseRecord.COLLECTION)).as("the old generation is dropped").isFalse();
        assertThat(mongo.template().collectionExists(MeldcodeCases.HISTORY)).isFalse();
        assertThat(queries.history(history.caseId())).hasSize(events.size() + 1);
        assertThat(rebuilds.status(MeldcodeCases.NAME).orElseThrow().switchedAt()).isNotNull();
        assertThat(positions.of(MeldcodeCases.NAME)).isEmpty();
    }

    /**
     * meldcode-cases reads the case-service's topic only; a served generation written when it read the signal-service's
     * topic too (or by a replica of that older code during a rolling update) holds positions there, which the rebuilt
     * generation never gets: they must not hold the switch back for ever.
     */
    @Test
    void positionsOnATopicTheReadModelNoLongerReadsDoNotHoldTheSwitchBack() {
        CaseHistoryBuilder history = CaseHistoryBuilder.openedAt("school-a", Instant.parse("2026-09-07T08:00:00Z")).consultedColleague();
        List<PublishedEvent> events = history.published();
        consume(0, events, 0);
        positions.applied(MeldcodeCases.NAME, "meldspoor.signal-events", 2, 41, Instant.parse("2026-09-07T09:00:00Z"));
        assertThat(cases.topics(new ReportingProperties(null, null, null, null, null, null, null))).containsExactly(TOPIC);

        int building = generations.startBuilding(MeldcodeCases.NAME, cases.viewFormat()).orElseThrow().generation();
        rebuilds.replayingInto(MeldcodeCases.NAME, building);
        cases.prepareStorage(building);
        consume(building, events.subList(0, 1), 0);
        assertThat(generationSwitch.switchIfCaughtUp(cases)).as("generation 1 is behind on the case topic").isFalse();

        consume(building, events.subList(1, events.size()), 1);
        assertThat(generationSwitch.switchIfCaughtUp(cases)).isTrue();
        assertThat(generations.active(MeldcodeCases.NAME)).isEqualTo(building);
    }

    /**
     * What a rebuilt generation needs before it is served ({@link BeforeServing}) is done once it has caught up, while
     * the old generation is still served, and only then; one that fails does not hold the switch back.
     */
    @Test
    void aRebuiltGenerationIsPreparedBeforeItIsServedAndAFailedPreparationDoesNotHoldItBack() {
        List<String> prepared = new ArrayList<>();
        GenerationSwitch preparing = new GenerationSwitch(generations, positions, rebuilds, mongo.template(),
                new ReportingProperties(null, null, null, null, null, null, null), List.of(
                (readModel, generation) -> { throw new IllegalStateException("the store did not answer"); },
                (readModel, generation) -> prepared.add(readModel + " " + generation + " while " + generations.active(readModel) + " is served")),
                new StatedPartitionEnds());
        List<PublishedEvent> events = CaseHistoryBuilder.openedAt("school-a", Instant.parse("2026-09-07T08:00:00Z")).consultedColleague().published();
        consume(0, events, 0);
        int building = generations.startBuilding(MeldcodeCases.NAME, cases.viewFormat()).orElseThrow().generation();
        rebuilds.replayingInto(MeldcodeCases.NAME, building);
        cases.prepareStorage(building);
        consume(building, events.subList(0, 1), 0);
        assertThat(preparing.switchIfCaughtUp(cases)).isFalse();
        assertThat(prepared).as("not before it has caught up").isEmpty();

        consume(building, events.subList(1, events.size()), 1);
        assertThat(preparing.switchIfCaughtUp(cases)).isTrue();
        assertThat(prepared).containsExactly(MeldcodeCases.NAME + " " + building + " while 0 is served");
        assertThat(generations.active(MeldcodeCases.NAME)).isEqualTo(building);
    }

    /**
     * The served generation writes a poll's views before it records their positions: a reader sees the closure before
     * the served positions name it. A rebuilt generation level with those positions but without the closure must not be
     * served (the closed case would read as open again), so the switch also waits for what the topic held.
     */
    @Test
    void aRebuiltGenerationIsServedOnlyOnceItHoldsWhatTheTopicsHeld() {
        StatedPartitionEnds topic = new StatedPartitionEnds();
        GenerationSwitch waiting = new GenerationSwitch(generations, positions, rebuilds, mongo.template(),
                new ReportingProperties(null, null, null, null, null, null, null, null, Duration.ofMillis(100)), List.of(), topic);
        CaseHistoryBuilder history = CaseHistoryBuilder.openedAt("school-a", Instant.parse("2026-09-07T08:00:00Z"))
                .consultedColleague().talkedToParents(true).noSuspicion();
        List<PublishedEvent> events = history.published();
        consume(0, events, 0);
        int building = generations.startBuilding(MeldcodeCases.NAME, cases.viewFormat()).orElseThrow().generation();
        rebuilds.replayingInto(MeldcodeCases.NAME, building);
        cases.prepareStorage(building);
        consume(building, events, 0);

        List<PublishedEvent> closing = history.closed(CaseOutcome.NO_SUSPICION).published();
        List<PublishedEvent> closed = List.of(closing.get(closing.size() - 1));
        cases.applyAll(closed, 0);
        topic.end(TOPIC, 0, events.size() + 1);
        assertThat(queries.byId(history.caseId()).orElseThrow().status()).isEqualTo("CLOSED");
        assertThat(waiting.switchIfCaughtUp(cases)).as("level with the served positions, not with what the served view shows").isFalse();
        assertThat(generations.active(MeldcodeCases.NAME)).isZero();
        assertThat(queries.byId(history.caseId()).orElseThrow().status()).isEqualTo("CLOSED");

        consume(building, closed, events.size());
        assertThat(waiting.switchIfCaughtUp(cases)).isTrue();
        assertThat(generations.active(MeldcodeCases.NAME)).isEqualTo(building);
        assertThat(queries.byId(history.caseId()).orElseThrow().status()).isEqualTo("CLOSED");
    }

    /**
     * A partition whose last record went to the dead-letter topic has no recorded position for it in any generation;
     * the rebuilt generation's committed offset past it counts, or the switch would wait for a record never applied.
     */
    @Test
    void aDeadLetteredLastRecordDoesNotHoldTheSwitchBack() {
        StatedPartitionEnds topic = new StatedPartitionEnds();
        GenerationSwitch waiting = new GenerationSwitch(generations, positions, rebuilds, mongo.template(),
                new ReportingProperties(null, null, null, null, null, null, null, null, Duration.ofMillis(100)), List.of(), topic);
        List<PublishedEvent> events = CaseHistoryBuilder.openedAt("school-a", Instant.parse("2026-09-07T08:00:00Z")).consultedColleague().published();
        consume(0, events, 0);
        int building = generations.startBuilding(MeldcodeCases.NAME, cases.viewFormat()).orElseThrow().generation();
        rebuilds.replayingInto(MeldcodeCases.NAME, building);
        cases.prepareStorage(building);
        consume(building, events, 0);
        topic.end(TOPIC, 0, events.size() + 1);
        assertThat(waiting.switchIfCaughtUp(cases)).as("nothing says the last record was passed").isFalse();

        topic.committed(ReadModelContainers.consumerName(MeldcodeCases.NAME, building), TOPIC, 0, events.size() + 1);
        assertThat(waiting.switchIfCaughtUp(cases)).isTrue();
        assertThat(generations.active(MeldcodeCases.NAME)).isEqualTo(building);
    }

    /** As a consumer of the generation: applies the poll and records the Kafka position of its last record. */
    private void consume(int generation, List<PublishedEvent> poll, long firstOffset) {
        cases.applyAll(poll, generation);
        positions.applied(ReadModelContainers.consumerName(MeldcodeCases.NAME, generation), TOPIC, 0, firstOffset + poll.size() - 1,
                poll.get(poll.size() - 1).recordedAt());
    }
}
