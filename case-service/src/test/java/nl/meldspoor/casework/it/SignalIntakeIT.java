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
import nl.meldspoor.platform.kafka.EmbeddedKafkaBroker;
import nl.meldspoor.platform.testing.Eventually;
import nl.meldspoor.platform.security.StaffDirectory;
import nl.meldspoor.platform.testing.HttpApi;
import nl.meldspoor.platform.testing.security.TestStaff;
import nl.meldspoor.platform.testing.PublishedRecords;
import nl.meldspoor.platform.testing.TestPostgres;
import org.apache.kafka.clients.consumer.ConsumerConfig;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The signal intake: the signal-service's events, from Kafka, into cases — an escalation opens the
 * case, later signals and corrections reach it — each exactly once, also after an outage.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "meldspoor.embedded.kafka.data-directory=target/embedded-kafka-intake")
class SignalIntakeIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final Actor TEACHER = new Actor("lk-eva", Role.TEACHER);
    private static final Actor IB = new Actor("ib-anna", Role.CARE_COORDINATOR);

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

    private JsonNode awaitCase(String caseId, long version) {
        return Eventually.within(DEADLINE).until(() -> api.get(IB, "/api/cases/" + caseId).body(),
                state -> state.has("caseId") && state.path("version").asLong() == version);
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
            var received = new java.util.ArrayList<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>>();
            var poisoned = Eventually.within(DEADLINE).until(() -> {
                deadLetters.poll(Duration.ofMillis(500)).forEach(received::add);
                return received.stream().filter(record -> pupil.equals(record.key())).findFirst().orElse(null);
            }, record -> record != null);
            assertThat(new String(poisoned.headers().lastHeader("meldspoor-dead-letter-consumer").value(), StandardCharsets.UTF_8))
                    .isEqualTo(SignalIntake.NAME);
        }
    }
}
