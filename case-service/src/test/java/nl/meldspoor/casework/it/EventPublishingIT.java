package nl.meldspoor.casework.it;

import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.common.Actor;
import static nl.meldspoor.casework.it.Requests.IB;
import static nl.meldspoor.casework.it.Requests.colleagueConsultation;
import static nl.meldspoor.casework.it.Requests.opening;
import static nl.meldspoor.casework.it.Requests.parentConversation;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.meldspoor.api.common.EventHeaders;
import nl.meldspoor.api.common.Topics;
import nl.meldspoor.api.meldcase.AfwegingQuestion;
import nl.meldspoor.api.meldcase.WeighingAnswer;
import nl.meldspoor.platform.security.StaffDirectory;
import nl.meldspoor.platform.testing.HttpApi;
import nl.meldspoor.platform.testing.TopicRecords;
import nl.meldspoor.platform.testing.security.TestStaff;
import nl.meldspoor.platform.testing.HttpApi.Response;
import nl.meldspoor.engines.kafka.EmbeddedKafkaBroker;
import nl.meldspoor.platform.testing.Eventually;
import nl.meldspoor.platform.testing.TestPostgres;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Every stored event reaches Kafka, keyed by case, in order, with its headers — and only stored
 * events: a refused command publishes nothing, and a Kafka outage delays publishing without losing
 * anything. Runs on the embedded broker, which the test stops and starts again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"meldspoor.embedded.kafka.data-directory=target/embedded-kafka-publishing",
        "meldspoor.staff.administrators=admin-bestuur"})
class EventPublishingIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);

    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private ObjectMapper json;
    @Autowired
    private EmbeddedKafkaBroker broker;
    @Autowired
    private StaffDirectory directory;

    private HttpApi api;
    private KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.registerFreshDatabase(registry);
    }

    @BeforeEach
    void setUp() {
        api = new HttpApi(rest, json);
        new TestStaff(directory).grant(IB, "school-a");
        consumer = TopicRecords.fromTheStart(broker.bootstrapServers(), Topics.CASE_EVENTS);
    }

    @AfterEach
    void tearDown() {
        consumer.close();
        broker.start();
    }

    private List<ConsumerRecord<String, byte[]>> recordsOf(String caseId, int expected) {
        return Eventually.within(DEADLINE).until(() -> {
            consumer.poll(Duration.ofMillis(500)).forEach(received::add);
            return received.stream().filter(record -> caseId.equals(record.key())).toList();
        }, records -> records.size() >= expected);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Test
    void everyStoredEventIsPublishedKeyedByItsCaseInOrderWithHeaders() throws Exception {
        String caseId = api.post(IB, "/api/cases", opening("pupil-pub")).id();
        assertThat(api.post(IB, "/api/cases/" + caseId + "/colleague-consultations", colleagueConsultation()).status()).isEqualTo(200);
        assertThat(api.post(IB, "/api/cases/" + caseId + "/parent-conversations", parentConversation()).status()).isEqualTo(200);

        List<ConsumerRecord<String, byte[]>> records = recordsOf(caseId, 3);

        assertThat(records).hasSize(3);
        assertThat(records).extracting(record -> header(record, EventHeaders.AGGREGATE_SEQUENCE)).containsExactly("0", "1", "2");
        assertThat(records).extracting(record -> header(record, EventHeaders.EVENT_TYPE)).containsExactly(
                "nl.meldspoor.api.meldcase.CaseOpened", "nl.meldspoor.api.meldcase.ColleagueConsulted", "nl.meldspoor.api.meldcase.ParentsTalkedTo");
        assertThat(records).extracting(ConsumerRecord::partition).containsOnly(records.get(0).partition());
        ConsumerRecord<String, byte[]> opened = records.get(0);
        assertThat(header(opened, EventHeaders.EVENT_REVISION)).isEqualTo("2");
        assertThat(header(opened, EventHeaders.SCHOOL)).isEqualTo("school-a");
        assertThat(header(opened, EventHeaders.AGGREGATE_TYPE)).isEqualTo("MeldcodeCase");
        assertThat(header(opened, EventHeaders.EVENT_ID)).isNotBlank();
        assertThat(header(opened, EventHeaders.OCCURRED_AT)).isNotBlank();
        assertThat(header(opened, EventHeaders.RECORDED_AT)).isNotBlank();
        JsonNode value = json.readTree(opened.value());
        assertThat(value.path("caseId").asText()).isEqualTo(caseId);
        assertThat(value.path("opening").path("pupilRef").asText()).isEqualTo("pupil-pub");
    }

    @Test
    void theTopicKeepsEventsForeverSoReadModelsCanBeRebuilt() throws Exception {
        api.post(IB, "/api/cases", opening("pupil-retention"));
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.CASE_EVENTS);
            var config = Eventually.within(DEADLINE).until(() -> admin.describeConfigs(List.of(topic)).all().get().get(topic), c -> c != null);
            assertThat(config.get("retention.ms").value()).isEqualTo("-1");
            assertThat(config.get("retention.bytes").value()).isEqualTo("-1");
        }
    }

    @Test
    void aRefusedCommandPublishesNothing() {
        String caseId = api.post(IB, "/api/cases", opening("pupil-refused")).id();
        Response refused = api.post(IB, "/api/cases/" + caseId + "/afwegingskader", Requests.weigh(AfwegingQuestion.VEILIGHEID, WeighingAnswer.NO));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(api.post(IB, "/api/cases/" + caseId + "/colleague-consultations", colleagueConsultation()).status()).isEqualTo(200);

        List<ConsumerRecord<String, byte[]>> records = recordsOf(caseId, 2);

        assertThat(records).extracting(record -> header(record, EventHeaders.AGGREGATE_SEQUENCE)).containsExactly("0", "1");
    }

    @Test
    void aKafkaOutageDelaysPublishingButLosesNothing() {
        String caseId = api.post(IB, "/api/cases", opening("pupil-outage")).id();
        recordsOf(caseId, 1);

        broker.stop();
        assertThat(api.post(IB, "/api/cases/" + caseId + "/colleague-consultations", colleagueConsultation()).status()).isEqualTo(200);
        assertThat(api.post(IB, "/api/cases/" + caseId + "/parent-conversations", parentConversation()).status()).isEqualTo(200);
        broker.start();

        List<ConsumerRecord<String, byte[]>> records = recordsOf(caseId, 3);
        assertThat(records.stream().map(record -> header(record, EventHeaders.AGGREGATE_SEQUENCE)).distinct())
                .containsExactly("0", "1", "2");
    }

    @Test
    void aRoleRevokedWhileKafkaIsDownIsTakenAwayOnceItIsBack() {
        Actor leaving = new Actor("ib-" + UUID.randomUUID().toString().substring(0, 8), Role.CARE_COORDINATOR);
        Actor administrator = new Actor("admin-bestuur", Role.BOARD_OFFICER);
        String roles = "/api/staff/" + leaving.personId() + "/roles";
        assertThat(api.post(administrator, roles, Map.of("role", "CARE_COORDINATOR", "scope", "school-a")).status()).isEqualTo(200);
        Eventually.within(DEADLINE).until(() -> api.get(leaving, "/api/me").status() == 200);

        broker.stop();
        int revoked = rest.exchange(roles + "/CARE_COORDINATOR/school-a", HttpMethod.DELETE, new HttpEntity<>(HttpApi.as(administrator)), String.class)
                .getStatusCode().value();
        assertThat(revoked).as("the revocation is stored while Kafka is down").isEqualTo(200);
        assertThat(api.get(leaving, "/api/me").status()).as("not yet known to the directory").isEqualTo(200);
        broker.start();

        Eventually.within(DEADLINE).until(() -> api.get(leaving, "/api/me").status() == 403);
    }
}
