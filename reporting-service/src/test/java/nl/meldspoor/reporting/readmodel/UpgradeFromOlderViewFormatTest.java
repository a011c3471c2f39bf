package nl.meldspoor.reporting.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import nl.meldspoor.api.meldcase.MeldcodeCaseEvent;
import nl.meldspoor.platform.consuming.ConsumingProperties;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.platform.consuming.StoredEvent;
import nl.meldspoor.platform.consuming.StoredEvents;
import nl.meldspoor.platform.testing.history.CaseHistoryBuilder;
import nl.meldspoor.api.common.SchoolFact;
import nl.meldspoor.reporting.InMemoryMongo;
import nl.meldspoor.reporting.meldcase.CaseQueries;
import nl.meldspoor.reporting.meldcase.CaseRecord;
import nl.meldspoor.reporting.meldcase.MeldcodeCases;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Views written by the code before views carried their state (format 1: the events inside each view, no history
 * collection) cannot be updated or read for a timeline by this code. At startup such a served generation is rebuilt
 * beside itself and served meanwhile — the dossier's timeline from the events inside the old views — until the switch.
 */
class UpgradeFromOlderViewFormatTest {

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
    void aServedGenerationOfTheOlderFormatIsRebuiltBesideItAndItsTimelineServedUntilTheSwitch() throws IOException {
        Document old = fixture("readmodel/meldcode_cases-format1.json");
        mongo.template().getCollection(CaseRecord.COLLECTION).insertOne(old);
        String caseId = old.getString("_id");
        List<PublishedEvent> published = published(old);
        // where the old code's consumer got to
        positions.applied(MeldcodeCases.NAME, TOPIC, 0, published.size() - 1, published.get(published.size() - 1).recordedAt());

        replica().upgradeOlderViewFormats();

        assertThat(generations.pointer(MeldcodeCases.NAME).building()).as("a rebuild beside the old generation").isEqualTo(1);
        assertThat(rebuilds.status(MeldcodeCases.NAME).orElseThrow().status()).isEqualTo("REPLAYING");
        assertThat(queries.byId(caseId)).as("the old view is still served").isPresent();
        assertThat(queries.history(caseId)).as("the dossier's timeline, from the events inside the old view")
                .extracting(StoredEvent::eventId).containsExactlyElementsOf(published.stream().map(PublishedEvent::eventId).toList());

        // the rebuild's consumer replays the topic from offset 0
        cases.applyAll(published, 1);
        positions.applied(ReadModelContainers.consumerName(MeldcodeCases.NAME, 1), TOPIC, 0, published.size() - 1,
                published.get(published.size() - 1).recordedAt());
        assertThat(generationSwitch.switchIfCaughtUp(cases)).isTrue();

        assertThat(queries.history(caseId)).extracting(StoredEvent::eventId)
                .containsExactlyElementsOf(published.stream().map(PublishedEvent::eventId).toList());
        assertThat(queries.byId(caseId).orElseThrow().status()).isEqualTo(old.getString("status"));
        assertThat(mongo.template().collectionExists(CaseRecord.COLLECTION)).as("the old generation is dropped").isFalse();
        assertThat(generations.pointer(MeldcodeCases.NAME).format()).isEqualTo(cases.viewFormat());

        replica().upgradeOlderViewFormats();
        assertThat(generations.pointer(MeldcodeCases.NAME).building()).as("a restart afterwards rebuilds nothing").isNull();
    }

    @Test
    void aServedGenerationOfTheCurrentFormatIsNotRebuiltAndNotLookedAtAgain() {
        cases.applyAll(CaseHistoryBuilder.openedAt("school-a", java.time.Instant.parse("2026-03-02T08:00:00Z")).consultedColleague().published(), 0);

        replica().upgradeOlderViewFormats();

        assertThat(generations.pointer(MeldcodeCases.NAME)).isEqualTo(new Generations.Pointer(MeldcodeCases.NAME, 0, null, cases.viewFormat()));
        assertThat(rebuilds.status(MeldcodeCases.NAME)).isEmpty();
    }

    @Test
    void caseViewsOfTheFirstRoundWithoutAFormatFieldCarryNoDossierAndAreRebuilt() {
        cases.applyAll(CaseHistoryBuilder.openedAt("school-a", java.time.Instant.parse("2026-03-02T08:00:00Z")).consultedColleague().published(), 0);
        mongo.template().getCollection(CaseRecord.COLLECTION).updateMany(new Document(), new Document("$unset", new Document("viewFormat", "")));

        replica().upgradeOlderViewFormats();

        assertThat(generations.pointer(MeldcodeCases.NAME).building()).as("format 2 views are older than the case views with a dossier (3)")
                .isNotNull();
    }

    @Test
    void aServedGenerationRecordedAsFormatTwoByThePreviousReleaseIsRebuiltSoItsCasesGetTheirDossier() {
        cases.applyAll(CaseHistoryBuilder.openedAt("school-a", java.time.Instant.parse("2026-03-02T08:00:00Z")).consultedColleague().published(), 0);
        mongo.template().getCollection(CaseRecord.COLLECTION).updateMany(new Document(),
                new Document("$unset", new Document("dossier", "")).append("$set", new Document("viewFormat", 2)));
        generations.activeIsCurrentFormat(MeldcodeCases.NAME, 0, 2);

        replica().upgradeOlderViewFormats();

        assertThat(generations.pointer(MeldcodeCases.NAME).building()).as("a rebuild beside the served generation").isEqualTo(1);
    }

    /** A replica's containers, not started: no Kafka is needed to decide and start the rebuild. */
    private ReadModelContainers replica() {
        return new ReadModelContainers(List.of(cases), null, null, null, positions, rebuilds,
                new ReportingProperties(null, null, null, null, null, null, null), mongo.template(), null, generations, generationSwitch, ConsumingProperties.defaults(),
                new SimpleMeterRegistry());
    }

    private static List<PublishedEvent> published(Document old) {
        StoredEvents stored = new StoredEvents(CaseHistoryBuilder.JSON);
        return old.getList("events", Document.class).stream().map(event -> {
            StoredEvent storedEvent = new StoredEvent(event.getString("eventId"), ((Number) event.get("sequence")).longValue(), event.getString("type"),
                    event.getString("revision"), event.getDate("recordedAt").toInstant(), event.getString("json"));
            return new PublishedEvent(storedEvent.eventId(), storedEvent.type(), storedEvent.revision(), old.getString("_id"), storedEvent.sequence(),
                    storedEvent.recordedAt(), (SchoolFact) stored.read(storedEvent, MeldcodeCaseEvent.class), storedEvent.json());
        }).toList();
    }

    static Document fixture(String path) throws IOException {
        try (InputStream in = UpgradeFromOlderViewFormatTest.class.getClassLoader().getResourceAsStream(path)) {
            return Document.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
