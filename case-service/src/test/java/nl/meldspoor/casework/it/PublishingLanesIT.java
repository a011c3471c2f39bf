package nl.meldspoor.casework.it;

import static nl.meldspoor.casework.it.Requests.IB;
import static nl.meldspoor.casework.it.Requests.colleagueConsultation;
import static nl.meldspoor.casework.it.Requests.opening;
import static nl.meldspoor.casework.it.Requests.parentConversation;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.EventHeaders;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.common.Topics;
import nl.meldspoor.platform.consuming.DeadLetters;
import nl.meldspoor.engines.kafka.EmbeddedKafkaBroker;
import nl.meldspoor.platform.publishing.PublishingLane;
import nl.meldspoor.platform.publishing.PublishingLanes;
import nl.meldspoor.platform.publishing.RecordLimits;
import nl.meldspoor.platform.security.StaffDirectory;
import nl.meldspoor.platform.testing.Eventually;
import nl.meldspoor.platform.testing.HttpApi;
import nl.meldspoor.platform.testing.TopicRecords;
import nl.meldspoor.platform.testing.TestPostgres;
import nl.meldspoor.platform.testing.security.TestStaff;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Each target topic has its own publishing lane: a case event Kafka refuses stops only the case topic's
 * lane — visibly, within seconds (health DOWN with the event and Kafka's error, a gauge, one log line) —
 * while role grants and revocations keep reaching {@code meldspoor.staff}. Once the cause is removed the
 * stuck events follow in order and nothing is lost. And every topic the service creates states the record
 * limit and its {@code min.insync.replicas} on the broker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"meldspoor.staff.administrators=admin-bestuur", "meldspoor.publishing.passed-over-token-interval=5s"})
class PublishingLanesIT {

    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final String STAFF_LANE = PublishingLane.MAIN + "-" + Topics.STAFF;

    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private ObjectMapper json;
    @Autowired
    private EmbeddedKafkaBroker broker;
    @Autowired
    private StaffDirectory directory;
    @Autowired
    private HealthEndpoint health;
    @Autowired
    private MeterRegistry meters;
    @Autowired
    private PublishingLanes lanes;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private EventProcessingConfiguration processing;

    private HttpApi api;
    private AdminClient admin;
    private KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();

    /** A broker of its own, so the topics are created by this run with this run's settings. */
    private static final String KAFKA_DATA = "target/embedded-kafka-lanes-" + UUID.randomUUID();

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        TestPostgres.registerFreshDatabase(registry);
        registry.add("meldspoor.embedded.kafka.data-directory", () -> KAFKA_DATA);
    }

    @BeforeEach
    void setUp() {
        api = new HttpApi(rest, json);
        new TestStaff(directory).grant(IB, "school-a");
        admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
        consumer = TopicRecords.fromTheStart(broker.bootstrapServers(), Topics.CASE_EVENTS);
    }

    @AfterEach
    void tearDown() throws Exception {
        limitCaseTopicTo(RecordLimits.MAX_RECORD_BYTES);
        consumer.close();
        admin.close();
    }

    @Test
    void aCaseEventKafkaRefusesStopsOnlyTheCaseLaneVisiblyAndARoleRevocationStillGoesThrough() throws Exception {
        Actor leaving = new Actor("ib-" + UUID.randomUUID().toString().substring(0, 8), Role.CARE_COORDINATOR);
        Actor administrator = new Actor("admin-bestuur", Role.BOARD_OFFICER);
        String roles = "/api/staff/" + leaving.personId() + "/roles";
        assertThat(api.post(administrator, roles, Map.of("role", "CARE_COORDINATOR", "scope", "school-a")).status()).isEqualTo(200);
        Eventually.within(DEADLINE).until(() -> api.get(leaving, "/api/me").status() == 200);
        String caseId = api.post(IB, "/api/cases", opening("pupil-lanes")).id();
        recordsOf(caseId, 1);
        assertThat(laneHealth(PublishingLane.MAIN).getStatus()).isEqualTo(Status.UP);

        // From now on the broker refuses every case event: far too large for the topic.
        limitCaseTopicTo(200);
        assertThat(api.post(IB, "/api/cases/" + caseId + "/colleague-consultations", colleagueConsultation()).status()).isEqualTo(200);
        assertThat(api.post(IB, "/api/cases/" + caseId + "/parent-conversations", parentConversation()).status()).isEqualTo(200);

        Health stuck = Eventually.within(Duration.ofSeconds(30)).until(() -> laneHealth(PublishingLane.MAIN),
                lane -> Status.DOWN.equals(lane.getStatus()));
        assertThat(stuck.getDetails()).containsEntry("topic", Topics.CASE_EVENTS).containsKey("stalledSince");
        assertThat(stuck.getDetails().get("failingEvent").toString()).contains("ColleagueConsulted", caseId, "#1");
        assertThat(stuck.getDetails().get("error").toString()).contains("RecordTooLargeException");
        assertThat(gauge("meldspoor.events.publication.stalled", PublishingLane.MAIN)).isEqualTo(1.0);
        assertThat(health.health().getStatus()).as("the service shows it").isEqualTo(Status.DOWN);

        int revoked = rest.exchange(roles + "/CARE_COORDINATOR/school-a", HttpMethod.DELETE, new HttpEntity<>(HttpApi.as(administrator)), String.class)
                .getStatusCode().value();
        assertThat(revoked).isEqualTo(200);
        Eventually.within(DEADLINE).until(() -> api.get(leaving, "/api/me").status() == 403);
        assertThat(laneHealth(STAFF_LANE).getStatus()).as("the staff lane is not held back").isEqualTo(Status.UP);
        assertThat(gauge("meldspoor.events.publication.stalled", STAFF_LANE)).isEqualTo(0.0);
        assertThat(laneHealth(PublishingLane.MAIN).getStatus()).as("while the case lane is still stuck").isEqualTo(Status.DOWN);
        assertThat(gauge("meldspoor.events.publication.stalled.seconds", PublishingLane.MAIN)).isPositive();

        limitCaseTopicTo(RecordLimits.MAX_RECORD_BYTES);

        Eventually.within(DEADLINE).until(() -> laneHealth(PublishingLane.MAIN), lane -> Status.UP.equals(lane.getStatus()));
        assertThat(gauge("meldspoor.events.publication.stalled", PublishingLane.MAIN)).isEqualTo(0.0);
        List<ConsumerRecord<String, byte[]>> records = recordsOf(caseId, 3);
        assertThat(records.stream().map(record -> header(record, EventHeaders.AGGREGATE_SEQUENCE)).distinct())
                .as("nothing lost, in order").containsExactly("0", "1", "2");
    }

    /**
     * The staff lane reads every case event and publishes none: it stores its token for a staff event at once, and for
     * the case events after it not within its interval (5 s here), while the case lane stores its token for them.
     */
    @Test
    void theStaffLaneStoresItsTokenForStaffEventsNotForEveryCaseEventItPassesOver() {
        Actor administrator = new Actor("admin-bestuur", Role.BOARD_OFFICER);
        assertThat(api.post(administrator, "/api/staff/ib-" + UUID.randomUUID().toString().substring(0, 8) + "/roles",
                Map.of("role", "CARE_COORDINATOR", "scope", "school-a")).status()).isEqualTo(200);
        long grant = head();
        Eventually.within(DEADLINE).until(() -> storedPosition(STAFF_LANE) >= grant);
        long storedForTheGrant = System.nanoTime();

        for (int i = 0; i < 3; i++) {
            api.post(IB, "/api/cases", opening("pupil-passed-over-" + i));
        }
        long cases = head();
        Eventually.within(DEADLINE).until(() -> storedPosition(PublishingLane.MAIN) >= cases && handledPosition(STAFF_LANE) >= cases);
        long storedStaffToken = storedPosition(STAFF_LANE);

        Assumptions.assumeTrue(System.nanoTime() - storedForTheGrant < Duration.ofSeconds(4).toNanos(),
                "the machine took longer than the interval allows to check");
        assertThat(storedStaffToken).as("the staff lane's stored token stays at the grant it published").isEqualTo(grant);
    }

    private long head() {
        return jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
    }

    private long storedPosition(String lane) {
        Long index = jdbc.queryForObject("SELECT (convert_from(token, 'UTF8')::jsonb ->> 'index')::bigint FROM tokenentry"
                + " WHERE processorname = ? AND segment = 0", Long.class, lane);
        return index == null ? -1 : index;
    }

    private long handledPosition(String lane) {
        TrackingEventProcessor processor = processing.eventProcessor(lane, TrackingEventProcessor.class).orElseThrow();
        return processor.processingStatus().get(0).getCurrentPosition().orElse(-1);
    }

    @Test
    void everyTopicTheServiceCreatesStatesTheRecordLimitAndItsInsyncReplicas() throws Exception {
        api.post(IB, "/api/cases", opening("pupil-topic-settings"));
        for (String topic : List.of(Topics.CASE_EVENTS, Topics.STAFF, Topics.ACCESS_LOG, DeadLetters.topicOf(Topics.ACCESS_LOG),
                Topics.SIGNAL_EVENTS, DeadLetters.topicOf(Topics.SIGNAL_EVENTS))) {
            Config config = Eventually.within(DEADLINE).until(() -> describe(topic), c -> c != null);
            assertThat(config.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).value()).as(topic).isEqualTo(Integer.toString(RecordLimits.MAX_RECORD_BYTES));
            assertThat(config.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).source()).as(topic).isEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
            assertThat(config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value()).as(topic).isEqualTo("1");
            assertThat(config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).source()).as(topic + " states it, not the broker")
                    .isEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
        }
    }

    private Config describe(String topic) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try {
            return admin.describeConfigs(List.of(resource)).all().get().get(resource);
        } catch (Exception notYetCreated) {
            return null;
        }
    }

    private void limitCaseTopicTo(int bytes) throws Exception {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.CASE_EVENTS);
        admin.incrementalAlterConfigs(Map.of(topic, List.of(new AlterConfigOp(
                new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(bytes)), AlterConfigOp.OpType.SET)))).all().get();
    }

    private Health laneHealth(String lane) {
        assertThat(health.healthForPath("eventPublishing", lane)).as("part of the service's health").isNotNull();
        return lanes.statusOf(lane).health();
    }

    private double gauge(String name, String lane) {
        return meters.get(name).tag("lane", lane).gauge().value();
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
}
