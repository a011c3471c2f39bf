package nl.meldspoor.reporting.it;

import nl.meldspoor.engines.FreePorts;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpEntity;
import nl.meldspoor.platform.testing.security.TestStaff;
import nl.meldspoor.platform.testing.HttpApi;
import nl.meldspoor.platform.security.StaffDirectory;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.platform.testing.history.CaseHistoryBuilder;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.platform.testing.Eventually;
import nl.meldspoor.reporting.ReportingServiceApplication;
import nl.meldspoor.reporting.meldcase.MeldcodeCases;
import nl.meldspoor.api.common.Topics;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The embedded default as it runs for a newcomer, across restarts: read models on disk survive a
 * restart, consumption resumes where it stopped, and the startup flag rebuilds from offset 0.
 */
class ReadModelRestartIT {

    private static final Actor PRINCIPAL = new Actor("dir-test", Role.PRINCIPAL);

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @TempDir
    Path data;

    @Test
    void aRestartKeepsTheReadModelsAndTheStartupFlagRebuildsThem() {
        CaseHistoryBuilder first = CaseHistoryBuilder.openedAt("school-a", Instant.now().minus(Duration.ofDays(3))).consultedColleague();
        CaseHistoryBuilder second = CaseHistoryBuilder.openedAt("school-b", Instant.now().minus(Duration.ofDays(2)));

        try (ConfigurableApplicationContext service = start()) {
            publish(service, first.published());
            awaitDossier(service, first.caseId(), 2);
            // as the code before meldcode-cases read the case-service's topic only recorded it
            service.getBean(MongoTemplate.class).getCollection("read_model_positions").insertOne(new org.bson.Document("_id",
                    MeldcodeCases.NAME + "|" + Topics.SIGNAL_EVENTS + "|0").append("readModel", MeldcodeCases.NAME)
                    .append("topic", Topics.SIGNAL_EVENTS).append("partition", 0).append("offset", 7L));
        }

        try (ConfigurableApplicationContext restarted = start()) {
            assertThat(dossier(restarted, first.caseId()).path("entries")).hasSize(2);
            publish(restarted, second.published());
            awaitDossier(restarted, second.caseId(), 1);
            JsonNode health = get(restarted, "/actuator/health").path("components").path("readModels").path("details").path(MeldcodeCases.NAME);
            assertThat(health.has("rebuild")).isFalse();
            assertThat(health.path("position").fieldNames()).as("the position on a topic it no longer reads is forgotten").toIterable()
                    .isNotEmpty().allMatch(name -> name.startsWith(Topics.CASE_EVENTS + "-"));
        }

        try (ConfigurableApplicationContext rebuilding = start("--meldspoor.reporting.rebuild-on-startup=" + MeldcodeCases.NAME)) {
            awaitDossier(rebuilding, first.caseId(), 2);
            awaitDossier(rebuilding, second.caseId(), 1);
            JsonNode health = get(rebuilding, "/actuator/health").path("components").path("readModels").path("details").path(MeldcodeCases.NAME);
            assertThat(health.path("rebuild").path("status").asText()).isEqualTo("REPLAYING");
        }
    }

    @Test
    void viewsOfTheOlderFormatAreRebuiltAtStartupAndTheDossierShowsItsTimelineMeanwhileAndAfter() {
        CaseHistoryBuilder history = CaseHistoryBuilder.openedAt("school-a", Instant.now().minus(Duration.ofDays(3))).consultedColleague();
        try (ConfigurableApplicationContext service = start()) {
            publish(service, history.published());
            awaitDossier(service, history.caseId(), 2);
            // as the code before stored views wrote them: the events inside each view, no state, no dossier, no history collection
            org.springframework.data.mongodb.core.MongoTemplate mongo = service.getBean(org.springframework.data.mongodb.core.MongoTemplate.class);
            List<org.bson.Document> events = new java.util.ArrayList<>();
            mongo.getCollection(MeldcodeCases.HISTORY).find(new org.bson.Document("aggregateId", history.caseId()))
                    .sort(new org.bson.Document("sequence", 1)).forEach(entry -> events.add((org.bson.Document) entry.get("event")));
            mongo.getCollection(nl.meldspoor.reporting.meldcase.CaseRecord.COLLECTION).updateOne(new org.bson.Document("_id", history.caseId()),
                    new org.bson.Document("$set", new org.bson.Document("events", events))
                            .append("$unset", new org.bson.Document("progress", "").append("viewFormat", "").append("dossier", "")));
            mongo.dropCollection(MeldcodeCases.HISTORY);
            mongo.getCollection("read_model_generations").deleteMany(new org.bson.Document());
        }

        try (ConfigurableApplicationContext upgraded = start()) {
            var generations = upgraded.getBean(nl.meldspoor.reporting.readmodel.Generations.class);
            List<JsonNode> answers = new java.util.ArrayList<>();
            Eventually.within(DEADLINE).until(() -> {
                answers.add(dossier(upgraded, history.caseId()));
                return generations.active(MeldcodeCases.NAME);
            }, active -> active >= 1);
            assertThat(answers).as("the dossier answered with its timeline while the rebuild ran")
                    .allSatisfy(answer -> assertThat(answer.path("entries")).hasSize(2));
            assertThat(dossier(upgraded, history.caseId()).path("entries")).as("and from the rebuilt generation").hasSize(2);
            CaseHistoryBuilder afterwards = CaseHistoryBuilder.openedAt("school-b", Instant.now().minus(Duration.ofDays(1)));
            publish(upgraded, afterwards.published());
            awaitDossier(upgraded, afterwards.caseId(), 1);
        }
    }

    private ConfigurableApplicationContext start(String... extra) {
        List<String> arguments = new java.util.ArrayList<>(List.of(
                "--server.port=0",
                "--meldspoor.embedded.mongo.data-file=" + data.resolve("mongo.mv.db"),
                "--meldspoor.embedded.kafka.data-directory=" + data.resolve("kafka"),
                "--meldspoor.embedded.kafka.port=" + kafkaPort,
                // the health's details (read-model positions) are shown to a board administrator only
                "--meldspoor.staff.administrators=" + PRINCIPAL.personId()));
        arguments.addAll(List.of(extra));
        return new SpringApplicationBuilder(ReportingServiceApplication.class).run(arguments.toArray(String[]::new));
    }

    /** The same port across restarts, as a deployment would have; the broker's data stays in the temp directory. */
    private final int kafkaPort = freePort();

    private static int freePort() {
        try {
            return FreePorts.free();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void publish(ConfigurableApplicationContext context, List<PublishedEvent> events) {
        KafkaTemplate<Object, Object> kafka = context.getBean(KafkaTemplate.class);
        events.forEach(event -> kafka.send((ProducerRecord) EventRecords.of(event)).join());
    }

    private static void awaitDossier(ConfigurableApplicationContext context, String caseId, int entries) {
        Eventually.within(DEADLINE).until(() -> dossier(context, caseId), dossier -> dossier.path("entries").size() == entries);
    }

    private static JsonNode dossier(ConfigurableApplicationContext context, String caseId) {
        return get(context, "/api/dossiers/" + caseId);
    }

    private static JsonNode get(ConfigurableApplicationContext context, String path) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        TestRestTemplate rest = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port));
        try {
            new TestStaff(context.getBean(StaffDirectory.class)).grant(PRINCIPAL, "school-a").grant(PRINCIPAL, "school-b");
            return context.getBean(ObjectMapper.class).readTree(
                    rest.exchange(path, HttpMethod.GET, new HttpEntity<>(HttpApi.as(PRINCIPAL)), String.class).getBody());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
