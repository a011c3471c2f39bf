package nl.meldspoor.reporting.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.engines.kafka.EmbeddedKafkaBroker;
import nl.meldspoor.platform.security.StaffDirectory;
import nl.meldspoor.platform.testing.Eventually;
import nl.meldspoor.platform.testing.HttpApi;
import nl.meldspoor.platform.testing.history.CaseHistoryBuilder;
import nl.meldspoor.platform.testing.security.TestStaff;
import nl.meldspoor.reporting.ReportingServiceApplication;
import nl.meldspoor.reporting.meldcase.MeldcodeCases;
import nl.meldspoor.reporting.readmodel.ReportingProperties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The reporting-service as it runs in production: two replicas in each read model's consumer group, sharing the
 * partitions, one MongoDB for the read models; here two application contexts in one JVM on one embedded KRaft broker
 * and one mongo-java-server. One replica is killed while the stream of case events goes on; the other takes over its
 * partitions, and a replica started afterwards (the rolling update's new pod) serves the same read models at once.
 * Every case is visible exactly once, with every event applied once.
 *
 * <p>The killed replica runs with {@code ack-mode: manual} and never acknowledges, so it commits no offset: the worst a
 * kill can leave behind. What it applied is delivered again to the survivor and must change nothing.
 */
class ReadModelReplicasIT {

    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final Actor PRINCIPAL = new Actor("dir-replicas", Role.PRINCIPAL);
    private static final String SCHOOL = "school-d";
    private static final int PARTITIONS = 4;

    private static MongoServer mongoServer;
    private static EmbeddedKafkaBroker broker;
    private static final List<ConfigurableApplicationContext> started = new ArrayList<>();

    @BeforeAll
    static void sharedEngines() {
        mongoServer = new MongoServer(new MemoryBackend());
        mongoServer.bind("localhost", 0);
        broker = EmbeddedKafkaBroker.builder(Path.of("target", "embedded-kafka-replicas-" + UUID.randomUUID())).build();
        broker.start();
    }

    @AfterAll
    static void stopAll() {
        started.stream().filter(ConfigurableApplicationContext::isActive).forEach(ConfigurableApplicationContext::close);
        if (broker != null) {
            broker.stop();
        }
        if (mongoServer != null) {
            mongoServer.shutdownNow();
        }
    }

    @Test
    void aReplicaKilledMidStreamLosesNoCaseAndDoublesNoEventAndANewReplicaServesTheSameView() {
        ConfigurableApplicationContext survivor = start(Map.of());
        ConfigurableApplicationContext doomed = start(Map.of("spring.kafka.listener.ack-mode", "manual"));
        Eventually.within(DEADLINE).until(() -> membersWithPartitions(ReportingProperties.groupId(MeldcodeCases.NAME)) == 2);

        Instant opened = Instant.now().minus(Duration.ofDays(30));
        List<CaseHistoryBuilder> cases = IntStream.range(0, 40).mapToObj(i -> {
            CaseHistoryBuilder history = CaseHistoryBuilder.openedAt(SCHOOL, opened.plus(Duration.ofMinutes(i))).consultedColleague();
            history.talkedToParents(true);
            return i % 2 == 0 ? history : history.suspicionAndUnsafety();
        }).toList();

        cases.subList(0, 20).forEach(history -> publish(survivor, history.published()));
        cases.subList(0, 20).forEach(history -> awaitDossier(doomed, history));
        CompletableFuture<Void> restOfTheStream = CompletableFuture.runAsync(
                () -> cases.subList(20, 40).forEach(history -> publish(survivor, history.published())));
        doomed.close();
        restOfTheStream.join();

        for (CaseHistoryBuilder history : cases) {
            JsonNode dossier = awaitDossier(survivor, history);
            assertThat(dossier.path("entries")).as("every event of %s once", history.caseId()).hasSize(history.events().size());
        }
        JsonNode list = get(survivor, "/api/schools/" + SCHOOL + "/cases?size=200");
        assertThat(list.path("totalElements").asInt()).as("every case once in the school's list").isEqualTo(cases.size());
        assertThat(list.path("cases").findValuesAsText("caseId")).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(cases.stream().map(CaseHistoryBuilder::caseId).toList());

        ConfigurableApplicationContext replacement = start(Map.of());
        assertThat(status(replacement, "/actuator/health/readiness")).as("ready: started and its staff directory read").isEqualTo(200);
        for (CaseHistoryBuilder history : List.of(cases.get(0), cases.get(39))) {
            assertThat(get(replacement, "/api/dossiers/" + history.caseId()).path("entries"))
                    .isEqualTo(get(survivor, "/api/dossiers/" + history.caseId()).path("entries"));
        }
        CaseHistoryBuilder afterTheUpdate = CaseHistoryBuilder.openedAt(SCHOOL, Instant.now().minus(Duration.ofDays(1))).consultedColleague();
        publish(replacement, afterTheUpdate.published());
        awaitDossier(survivor, afterTheUpdate);
        awaitDossier(replacement, afterTheUpdate);
    }

    private static ConfigurableApplicationContext start(Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "spring.kafka.bootstrap-servers", broker.bootstrapServers(),
                "spring.data.mongodb.uri", "mongodb://localhost:" + mongoServer.getLocalAddress().getPort() + "/reporting",
                "server.port", 0,
                "meldspoor.reporting.partitions", PARTITIONS,
                "meldspoor.reporting.lag-interval", "1s",
                // as the k8s manifest configures it: no traffic before the staff directory is read
                "management.endpoint.health.group.readiness.include", "readinessState,staffDirectory",
                "management.endpoint.health.probes.enabled", true));
        properties.putAll(extra);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ReportingServiceApplication.class)
                .initializers(application -> application.getBeanFactory().registerSingleton("testClassesExcluded", new TestClassesExcluded()))
                .run(arguments(properties));
        started.add(context);
        new TestStaff(context.getBean(StaffDirectory.class)).grant(PRINCIPAL, SCHOOL);
        return context;
    }

    /** Members of the consumer group that hold at least one partition. */
    private static long membersWithPartitions(String group) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get();
            return description.members().stream().map(MemberDescription::assignment)
                    .filter(assignment -> !assignment.topicPartitions().isEmpty()).count();
        } catch (Exception e) {
            return 0;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void publish(ConfigurableApplicationContext context, List<PublishedEvent> events) {
        KafkaTemplate<Object, Object> kafka = context.getBean(KafkaTemplate.class);
        events.forEach(event -> kafka.send((ProducerRecord) EventRecords.of(event)).join());
    }

    private static JsonNode awaitDossier(ConfigurableApplicationContext context, CaseHistoryBuilder history) {
        return Eventually.within(DEADLINE).until(() -> get(context, "/api/dossiers/" + history.caseId()),
                dossier -> dossier.path("entries").size() >= history.events().size());
    }

    private static ResponseEntity<String> exchange(ConfigurableApplicationContext context, String path) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        TestRestTemplate rest = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port));
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(HttpApi.as(PRINCIPAL)), String.class);
    }

    private static int status(ConfigurableApplicationContext context, String path) {
        return exchange(context, path).getStatusCode().value();
    }

    private static JsonNode get(ConfigurableApplicationContext context, String path) {
        try {
            String body = exchange(context, path).getBody();
            return context.getBean(ObjectMapper.class).readTree(body == null ? "{}" : body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The replicas scan the service's packages like production does; the test's own classes stay out. */
    static final class TestClassesExcluded extends TypeExcludeFilter {

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            return reader.getResource().getURL().toString().contains("/test-classes/");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TestClassesExcluded;
        }

        @Override
        public int hashCode() {
            return TestClassesExcluded.class.hashCode();
        }
    }

    /** As command-line arguments: they win over the service's application.yml, as a pod's environment does. */
    private static String[] arguments(Map<String, Object> properties) {
        return properties.entrySet().stream().map(property -> "--" + property.getKey() + "=" + property.getValue()).toArray(String[]::new);
    }
}
