package nl.meldspoor.casework.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.EventHeaders;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.common.SchoolFact;
import nl.meldspoor.api.common.Topics;
import nl.meldspoor.api.meldcase.AttachedSignal;
import nl.meldspoor.api.meldcase.CaseTeam;
import nl.meldspoor.api.signal.InformationOrigin;
import nl.meldspoor.api.signal.SignalCategory;
import nl.meldspoor.api.signal.SignalContent;
import nl.meldspoor.api.signal.SignalCorrected;
import nl.meldspoor.api.signal.SignalRecorded;
import nl.meldspoor.api.signal.SignalsEscalated;
import nl.meldspoor.api.signal.Statement;
import nl.meldspoor.api.signal.StatementKind;
import nl.meldspoor.casework.intake.SignalIntake;
import nl.meldspoor.engines.kafka.EmbeddedKafkaBroker;
import nl.meldspoor.platform.testing.Eventually;
import nl.meldspoor.platform.security.StaffDirectory;
import nl.meldspoor.platform.testing.HttpApi;
import nl.meldspoor.platform.testing.security.TestStaff;
import nl.meldspoor.platform.testing.PublishedRecords;
import nl.meldspoor.platform.testing.TestPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import nl.meldspoor.platform.consuming.ConsumingProperties;
import nl.meldspoor.platform.consuming.PoisonEventException;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.platform.consuming.PublishedEvents;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.CannotCreateTransactionException;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The signal intake: the signal-service's events, from Kafka, into cases — an escalation opens the
 * case, later signals and corrections reach it — each exactly once, also after an outage.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"meldspoor.embedded.kafka.data-directory=target/embedded-kafka-intake",
        "meldspoor.staff.administrators=admin-bestuur",
        "meldspoor.consuming.retry-initial-interval=100ms", "meldspoor.consuming.retry-max-interval=1s",
        "meldspoor.consuming.unhealthy-after-attempts=3"})
class SignalIntakeIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final Actor TEACHER = new Actor("lk-eva", Role.TEACHER);
    private static final Actor IB = new Actor("ib-anna", Role.CARE_COORDINATOR);
    private static final Actor ADMINISTRATOR = new Actor("admin-bestuur", Role.BOARD_OFFICER);

    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private ObjectMapper json;
    @Autowired
    private EmbeddedKafkaBroker broker;
    @Autowired
    private KafkaListenerEndpointRegistry listeners;
    @Autowired
    private StaffDirectory directory;
    @Autowired
    private MeterRegistry meters;
    @Autowired
    private ConsumingProperties consuming;

    private HttpApi api;
    private KafkaProducer<String, byte[]> producer;
    private final String pupil = "pupil-" + UUID.randomUUID().toString().substring(0, 8);
    private long sequence;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.registerFreshDatabase(registry);
    }

    @BeforeEach
    void setUp() {
        api = new HttpApi(rest, json);
        new TestStaff(directory).grant(IB, "school-a");
        producer = new KafkaProducer<>(java.util.Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void tearDown() {
        Faults.clear();
        producer.close();
        listeners.getListenerContainer(SignalIntake.NAME).start();
    }

    private static SignalContent content(String text) {
        return new SignalContent(Instant.now().minus(Duration.ofHours(1)), "gymzaal", "omkleden",
                List.of(new Statement(text, StatementKind.FACT, InformationOrigin.OWN_OBSERVATION, null)),
                List.of(), SignalCategory.HOME_SITUATION, Set.of(), List.of(), TEACHER);
    }

    private ProducerRecord<String, byte[]> published(SchoolFact event, String eventId) {
        return PublishedRecords.of(Topics.SIGNAL_EVENTS, "PupilFile", pupil, sequence++, eventId, event);
    }

    private void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private ProducerRecord<String, byte[]> escalation(String caseId, String signalId) {
        return published(new SignalsEscalated(pupil, "school-a", IB, Instant.now().minusSeconds(5), caseId, "family-1",
                new CaseTeam(IB.personId(), "af-bram", "school-b", "dir-carla"), "Zorgen over blauwe plekken.",
                List.of(new AttachedSignal(signalId, content("Blauwe plekken.")))), UUID.randomUUID().toString());
    }

    private String eventIdOf(ProducerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader(EventHeaders.EVENT_ID).value(), StandardCharsets.UTF_8);
    }

    /** Everything in the signal events' dead-letter topic under this test's pupil. */
    private List<ConsumerRecord<String, byte[]>> deadLettersOfThisPupil() {
        try (KafkaConsumer<String, byte[]> deadLetters = new KafkaConsumer<>(java.util.Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            deadLetters.subscribe(List.of(Topics.SIGNAL_EVENTS + ".dlt"));
            var received = new java.util.ArrayList<ConsumerRecord<String, byte[]>>();
            for (int poll = 0; poll < 5; poll++) {
                deadLetters.poll(Duration.ofMillis(500)).forEach(received::add);
            }
            return received.stream().filter(record -> pupil.equals(record.key())).toList();
        }
    }

    private JsonNode awaitCase(String caseId, long version) {
        return Eventually.within(DEADLINE).until(() -> api.get(IB, "/api/cases/" + caseId).body(),
                state -> state.has("caseId") && state.path("version").asLong() == version);
    }

    /**
     * Both of the case-service's consumers are idempotent (the intake's commands, the case views by access id), so
     * they commit at the interval, not after every poll: every read of a case is a record for the case views.
     */
    @Test
    void theIntakeAndTheCaseViewsCommitTheirOffsetsAtTheInterval() {
        for (String consumer : List.of(SignalIntake.NAME, "case-views")) {
            ContainerProperties container = listeners.getListenerContainer(consumer).getContainerProperties();
            assertThat(container.getAckMode()).as(consumer).isEqualTo(ContainerProperties.AckMode.TIME);
            assertThat(container.getAckTime()).as(consumer).isEqualTo(consuming.commitInterval().toMillis());
        }
    }

    @Test
    void anEscalationOpensTheCaseOnceEvenWhenDeliveredTwice() {
        String caseId = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> escalation = escalation(caseId, "sig-a");

        send(escalation);
        send(escalation);
        String marker = UUID.randomUUID().toString();
        send(escalation(marker, "sig-marker"));
        awaitCase(marker, 0);

        JsonNode state = api.get(IB, "/api/cases/" + caseId).body();
        assertThat(state.path("version").asLong()).isZero();
        assertThat(state.path("pupilRef").asText()).isEqualTo(pupil);
        assertThat(state.path("signals").findValuesAsText("signalId")).containsExactly("sig-a");
        assertThat(api.get(IB, "/api/cases/" + caseId + "/timeline").body().path("entries").get(0).path("actor").path("personId").asText())
                .isEqualTo(IB.personId());
    }

    @Test
    void aSignalRecordedLaterAndItsCorrectionReachTheOpenCaseOnce() {
        String caseId = UUID.randomUUID().toString();
        send(escalation(caseId, "sig-a"));
        awaitCase(caseId, 0);

        ProducerRecord<String, byte[]> later = published(new SignalRecorded(pupil, "school-a", TEACHER, Instant.now(), "sig-b", "family-1",
                content("Schrikt van aanraking."), false), UUID.randomUUID().toString());
        send(later);
        send(later);
        awaitCase(caseId, 1);

        ProducerRecord<String, byte[]> correction = published(new SignalCorrected(pupil, "school-a", TEACHER, Instant.now(), "sig-a",
                content("Blauwe plekken op de onderarmen."), "Preciezer.", null), UUID.randomUUID().toString());
        send(correction);
        send(correction);
        JsonNode corrected = awaitCase(caseId, 2);

        assertThat(corrected.path("signals").findValuesAsText("signalId")).containsExactly("sig-a", "sig-b");
        assertThat(corrected.path("signals").get(0).path("content").path("statements").get(0).path("text").asText())
                .isEqualTo("Blauwe plekken op de onderarmen.");
        send(escalation(UUID.randomUUID().toString(), "sig-marker"));
        assertThat(api.get(IB, "/api/cases/" + caseId).body().path("version").asLong()).isEqualTo(2);
    }

    /**
     * A case opened over HTTP at school-a with the id of a real pupil-file signal of school-b (same pupil
     * reference) does not receive school-b's correction of it; school-b's escalated case still does.
     */
    @Test
    void aCaseOpenedOverHttpWithAnotherSchoolsSignalIdDoesNotReceiveThatSchoolsCorrection() {
        Actor ibOfSchoolB = new Actor("ib-bert", Role.CARE_COORDINATOR);
        new TestStaff(directory).grant(ibOfSchoolB, "school-b");
        String signalOfSchoolB = UUID.randomUUID().toString();
        String escalatedCase = UUID.randomUUID().toString();
        send(published(new SignalsEscalated(pupil, "school-b", ibOfSchoolB, Instant.now().minusSeconds(5), escalatedCase, "family-1",
                new CaseTeam(ibOfSchoolB.personId(), "af-bram", "school-a", "dir-carla"), "Zorgen.",
                List.of(new AttachedSignal(signalOfSchoolB, content("Blauwe plekken.")))), UUID.randomUUID().toString()));
        Eventually.within(DEADLINE).until(() -> api.get(ibOfSchoolB, "/api/cases/" + escalatedCase).body(), state -> state.has("caseId"));
        HttpApi.Response opened = api.post(IB, "/api/cases", new nl.meldspoor.api.meldcase.CaseOpening("school-a", pupil, "family-1",
                new CaseTeam(IB.personId(), "af-bram", "school-b", "dir-carla"), "Zorgen over de leerling.",
                List.of(new AttachedSignal(signalOfSchoolB, content("Eigen signaal.")))));
        assertThat(opened.status()).isEqualTo(201);
        String httpCase = opened.id();

        send(published(new SignalCorrected(pupil, "school-b", TEACHER, Instant.now(), signalOfSchoolB,
                content("Blauwe plekken op de onderarmen."), "Preciezer.", null), UUID.randomUUID().toString()));

        Eventually.within(DEADLINE).until(() -> api.get(ibOfSchoolB, "/api/cases/" + escalatedCase).body(),
                state -> state.path("version").asLong() == 1);
        String marker = UUID.randomUUID().toString();
        send(escalation(marker, "sig-marker"));
        awaitCase(marker, 0);
        JsonNode untouched = api.get(IB, "/api/cases/" + httpCase).body();
        assertThat(untouched.path("version").asLong()).isZero();
        assertThat(untouched.path("signals").get(0).path("content").path("statements").get(0).path("text").asText()).isEqualTo("Eigen signaal.");
        assertThat(untouched.path("signals").findValuesAsText("signalId")).as("the case's own namespace").containsExactly("case:" + signalOfSchoolB);
    }

    @Test
    void anEscalationMadeWhileTheCaseServiceWasNotListeningArrivesOnceItIsBack() {
        listeners.getListenerContainer(SignalIntake.NAME).stop();
        String caseId = UUID.randomUUID().toString();
        send(escalation(caseId, "sig-a"));
        assertThat(api.get(IB, "/api/cases/" + caseId).status()).isEqualTo(404);

        listeners.getListenerContainer(SignalIntake.NAME).start();

        assertThat(awaitCase(caseId, 0).path("signals")).hasSize(1);
    }

    @Test
    void anEventTheCaseCanNeverTakeGoesToTheDeadLetterTopicAndTheIntakeGoesOn() {
        RecordHeaders headers = new RecordHeaders();
        PublishedRecords.add(headers, EventHeaders.EVENT_TYPE, "nl.meldspoor.api.signal.SignalRecorded");
        send(new ProducerRecord<>(Topics.SIGNAL_EVENTS, null, pupil, "{kapot".getBytes(StandardCharsets.UTF_8), headers));
        String caseId = UUID.randomUUID().toString();
        send(escalation(caseId, "sig-a"));

        awaitCase(caseId, 0);
        try (KafkaConsumer<String, byte[]> deadLetters = new KafkaConsumer<>(java.util.Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            deadLetters.subscribe(List.of(Topics.SIGNAL_EVENTS + ".dlt"));
            var received = new java.util.ArrayList<ConsumerRecord<String, byte[]>>();
            var poisoned = Eventually.within(DEADLINE).until(() -> {
                deadLetters.poll(Duration.ofMillis(500)).forEach(received::add);
                return received.stream().filter(record -> pupil.equals(record.key())).findFirst().orElse(null);
            }, record -> record != null);
            assertThat(new String(poisoned.headers().lastHeader("meldspoor-dead-letter-consumer").value(), StandardCharsets.UTF_8))
                    .isEqualTo(SignalIntake.NAME);
        }
    }

    @Test
    void anEscalationThatMeetsAFailingEventStoreIsRetriedVisiblyAndAppliedOnceItRecoversNeverDeadLettered() {
        String caseId = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> escalation = escalation(caseId, "sig-a");
        Faults.TRANSIENT.add(eventIdOf(escalation));
        double retriesBefore = retriesOfTheIntake();

        send(escalation);

        JsonNode stuck = Eventually.within(DEADLINE).until(() -> api.get(ADMINISTRATOR, "/actuator/health").body().path("components").path("consumers"),
                consumers -> "DOWN".equals(consumers.path("status").asText()));
        JsonNode intake = stuck.path("details").path(SignalIntake.NAME);
        assertThat(intake.path("status").asText()).isEqualTo("STUCK");
        assertThat(intake.path("reason").asText()).contains("CannotCreateTransactionException");
        assertThat(intake.path("since").asText()).isNotBlank();
        assertThat(intake.path("record").asText()).startsWith(Topics.SIGNAL_EVENTS + "-");
        assertThat(meters.get("meldspoor.consumer.retrying").tag("consumer", SignalIntake.NAME).gauge().value()).isEqualTo(1.0);
        assertThat(api.get(IB, "/api/cases/" + caseId).status()).isEqualTo(404);

        Faults.TRANSIENT.clear();

        assertThat(awaitCase(caseId, 0).path("signals").findValuesAsText("signalId")).containsExactly("sig-a");
        Eventually.within(DEADLINE).until(() -> api.get(ADMINISTRATOR, "/actuator/health").body().path("components").path("consumers"),
                consumers -> "UP".equals(consumers.path("status").asText())
                        && "CONSUMING".equals(consumers.path("details").path(SignalIntake.NAME).path("status").asText()));
        assertThat(meters.get("meldspoor.consumer.retrying").tag("consumer", SignalIntake.NAME).gauge().value()).isZero();
        assertThat(retriesOfTheIntake() - retriesBefore).isGreaterThanOrEqualTo(3);
        assertThat(deadLettersOfThisPupil()).isEmpty();
    }

    private double retriesOfTheIntake() {
        var counter = meters.find("meldspoor.consumer.retries").tag("consumer", SignalIntake.NAME).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aRecordParkedByABugIsAppliedOnceAfterTheFixAndItsReplayEvenWhenReplayedTwice() {
        String caseId = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> escalation = escalation(caseId, "sig-a");
        Faults.UNREADABLE.add(eventIdOf(escalation));
        send(escalation);
        String list = "/api/admin/dead-letters?topic=" + Topics.SIGNAL_EVENTS;

        JsonNode parked = Eventually.within(DEADLINE).until(() -> parkedOfThisPupil(api.get(ADMINISTRATOR, list).body()), found -> found != null);
        assertThat(parked.path("consumer").asText()).isEqualTo(SignalIntake.NAME);
        assertThat(parked.path("eventId").asText()).isEqualTo(eventIdOf(escalation));
        assertThat(parked.path("eventType").asText()).isEqualTo(SignalsEscalated.class.getName());
        assertThat(parked.path("reason").asText()).contains("No upcaster");
        assertThat(parked.path("parkedAt").asText()).isNotBlank();
        assertThat(parked.path("replayed").isNull()).isTrue();
        assertThat(api.get(IB, "/api/cases/" + caseId).status()).isEqualTo(404);
        String replay = "/api/admin/dead-letters/" + Topics.SIGNAL_EVENTS + "/" + parked.path("partition").asInt() + "/"
                + parked.path("offset").asLong() + "/replay";
        assertThat(api.get(IB, list).status()).isEqualTo(403);
        assertThat(api.post(IB, replay, "").status()).isEqualTo(403);

        Faults.UNREADABLE.clear();
        HttpApi.Response replayed = api.post(ADMINISTRATOR, replay, "");
        HttpApi.Response again = api.post(ADMINISTRATOR, replay, "");

        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.body().path("status").asText()).isEqualTo("REPLAYED");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.rule()).isEqualTo("ALREADY_REPLAYED");
        JsonNode state = awaitCase(caseId, 0);
        assertThat(state.path("signals").findValuesAsText("signalId")).containsExactly("sig-a");
        assertThat(api.get(IB, "/api/cases/" + caseId + "/timeline").body().path("entries")).hasSize(1);
        assertThat(parkedOfThisPupil(api.get(ADMINISTRATOR, list).body()).path("replayed").path("replayedBy").asText())
                .isEqualTo(ADMINISTRATOR.personId());
        assertThat(api.post(ADMINISTRATOR, "/api/admin/dead-letters/" + Topics.SIGNAL_EVENTS + "/0/999999/replay", "").status()).isEqualTo(404);
    }

    private JsonNode parkedOfThisPupil(JsonNode list) {
        for (JsonNode deadLetter : list.path("deadLetters")) {
            if (pupil.equals(deadLetter.path("key").asText())) {
                return deadLetter;
            }
        }
        return null;
    }

    /**
     * Faults switched on per event id: a database that is down (transient: retried until it is back) and
     * a bug that makes an event unreadable (deterministic: dead-lettered until fixed and replayed).
     */
    static final class Faults {

        static final Set<String> TRANSIENT = java.util.concurrent.ConcurrentHashMap.newKeySet();
        static final Set<String> UNREADABLE = java.util.concurrent.ConcurrentHashMap.newKeySet();

        static void clear() {
            TRANSIENT.clear();
            UNREADABLE.clear();
        }
    }

    @TestConfiguration
    static class FaultyIntake {

        @Bean
        PublishedEvents publishedEvents(ObjectMapper json) {
            return new PublishedEvents(json) {
                @Override
                public PublishedEvent read(ConsumerRecord<String, byte[]> record) {
                    var id = record.headers().lastHeader(EventHeaders.EVENT_ID);
                    String eventId = id == null ? "" : new String(id.value(), StandardCharsets.UTF_8);
                    if (Faults.TRANSIENT.contains(eventId)) {
                        throw new EventStoreException("An event for aggregate [" + record.key() + "] could not be persisted",
                                new CannotCreateTransactionException("Could not open JDBC Connection for transaction"));
                    }
                    if (Faults.UNREADABLE.contains(eventId)) {
                        throw new PoisonEventException("No upcaster from revision 1 to 2 of " + SignalsEscalated.class.getName());
                    }
                    return super.read(record);
                }
            };
        }
    }
}
