package nl.meldspoor.reporting.it;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpEntity;
import nl.meldspoor.platform.testing.security.TestStaff;
import nl.meldspoor.platform.testing.HttpApi;
import nl.meldspoor.platform.security.StaffDirectory;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.platform.testing.history.CaseHistoryBuilder;
import nl.meldspoor.platform.testing.history.IncidentHistoryBuilder;
import nl.meldspoor.platform.testing.history.PupilHistoryBuilder;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.StreamSupport;
import nl.meldspoor.api.common.EventHeaders;
import nl.meldspoor.api.common.Topics;
import nl.meldspoor.api.incident.IncidentType;
import nl.meldspoor.api.incident.Severity;
import nl.meldspoor.api.meldcase.CaseOutcome;
import nl.meldspoor.api.signal.SignalCategory;
import nl.meldspoor.api.signal.SignalFlag;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.platform.testing.Eventually;
import nl.meldspoor.platform.testing.PublishedRecords;
import nl.meldspoor.reporting.dashboard.counters.DashboardCounters;
import nl.meldspoor.reporting.incident.IncidentRegister;
import nl.meldspoor.reporting.meldcase.MeldcodeCases;
import nl.meldspoor.reporting.pupil.PupilSignals;
import nl.meldspoor.reporting.readmodel.PartitionEnds;
import nl.meldspoor.reporting.readmodel.ReadModelContainers;
import nl.meldspoor.reporting.readmodel.ReadModelPositions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Published events through Kafka into the read models and out of the query API, whatever Kafka and
 * MongoDB run underneath: the embedded engines here, containers where Docker exists.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"meldspoor.reporting.lag-interval=500ms", "meldspoor.staff.administrators=admin-bestuur"})
@AutoConfigureObservability
abstract class ReadModelPipelineContract {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final List<String> SCHOOLS = List.of("school-a", "school-b", "school-c", "school-d", "school-e");
    /** A principal of every school of the test board reads the school-level read models. */
    private static final Actor PRINCIPAL = new Actor("dir-test", Role.PRINCIPAL);
    private static final Actor BOARD_OFFICER = new Actor("bo-test", Role.BOARD_OFFICER);
    private static final Actor ADMINISTRATOR = new Actor("admin-bestuur", Role.BOARD_OFFICER);
    private static final Actor PRINCIPAL_B = new Actor("dir-b", Role.PRINCIPAL);
    private static final Actor TEACHER_A = new Actor("lk-a", Role.TEACHER);
    private static final Actor CLUSTER_NOORD = new Actor("cd-noord", Role.CLUSTER_DIRECTOR);
    private static final Actor AUDITOR = new Actor("audit-test", Role.AUDITOR);

    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private ObjectMapper json;
    @Autowired
    private KafkaTemplate<Object, Object> kafka;
    @Autowired
    private KafkaConnectionDetails kafkaConnection;
    @Autowired
    private StaffDirectory directory;
    @Autowired
    private MeterRegistry meters;
    @Autowired
    private PartitionEnds partitionEnds;
    @Autowired
    private ReadModelPositions positions;
    @Autowired
    private ReadModelContainers containers;

    @BeforeEach
    void kafkaIsReachable() {
        assertThat(kafkaConnection.getBootstrapServers()).isNotEmpty();
        TestStaff staff = new TestStaff(directory);
        SCHOOLS.forEach(school -> staff.grant(PRINCIPAL, school));
        staff.grantBoardWide(BOARD_OFFICER).grant(PRINCIPAL_B, "school-b").grant(TEACHER_A, "school-a").grant(CLUSTER_NOORD, "cluster-noord")
                .grant(AUDITOR.personId(), Role.AUDITOR, nl.meldspoor.api.staff.StaffScope.BOARD, java.time.LocalDate.now().plusDays(30));
    }

    /** Dashboards above a school are the board officer's; everything else the principal's. */
    private static Actor readerOf(String path) {
        return path.startsWith("/api/dashboards/cluster") || path.startsWith("/api/dashboards/board") ? BOARD_OFFICER : PRINCIPAL;
    }

    private ResponseEntity<String> exchange(Actor actor, HttpMethod method, String path) {
        return rest.exchange(path, method, new HttpEntity<>(HttpApi.as(actor)), String.class);
    }

    private JsonNode json(ResponseEntity<String> response) {
        try {
            return json.readTree(response.getBody());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void publish(List<PublishedEvent> events) {
        for (PublishedEvent event : events) {
            kafka.send(cast(EventRecords.of(event))).join();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ProducerRecord<Object, Object> cast(ProducerRecord<String, byte[]> record) {
        return (ProducerRecord) record;
    }

    private JsonNode get(String path) {
        ResponseEntity<String> response = path.startsWith("/actuator/health") ? exchange(ADMINISTRATOR, HttpMethod.GET, path)
                : path.startsWith("/actuator/prometheus")
                ? rest.exchange(path, HttpMethod.GET, new HttpEntity<>(HttpApi.scrapeCredential()), String.class)
                : exchange(readerOf(path), HttpMethod.GET, path);
        try {
            return json.readTree(response.getBody() == null ? "null" : response.getBody()).deepCopy();
        } catch (Exception e) {
            return json.getNodeFactory().textNode(response.getBody());
        }
    }

    private int status(String path) {
        return status(readerOf(path), path);
    }

    private int status(Actor actor, String path) {
        return exchange(actor, HttpMethod.GET, path).getStatusCode().value();
    }

    private JsonNode awaitDossier(String caseId, int events) {
        return Eventually.within(DEADLINE).until(() -> get("/api/dossiers/" + caseId),
                dossier -> dossier.path("entries").size() == events);
    }

    @Test
    void aPublishedCaseBecomesADossierWithItsTimelineStateAndRapportage() {
        CaseHistoryBuilder history = CaseHistoryBuilder.openedAt("school-a", Instant.now().minus(Duration.ofDays(20)))
                .consultedColleague().talkedToParents(true).suspicionAndUnsafety().reported();
        publish(history.published());

        JsonNode dossier = awaitDossier(history.caseId(), history.events().size());
        assertThat(dossier.path("state").path("currentStep").asInt()).isEqualTo(5);
        assertThat(dossier.path("state").path("deadlines").findValuesAsText("kind")).contains("VEILIG_THUIS_FEEDBACK");
        assertThat(dossier.path("entries").findValuesAsText("summary")).anyMatch(summary -> summary.contains("melding gedaan"));

        JsonNode rapportage = get("/api/dossiers/" + history.caseId() + "/rapportage");
        assertThat(rapportage.path("steps")).hasSize(5);
        assertThat(rapportage.path("steps").get(4).path("status").asText()).isEqualTo("IN_PROGRESS");

        JsonNode list = get("/api/schools/school-a/cases?step=5");
        assertThat(list.path("cases").findValuesAsText("caseId")).contains(history.caseId());
        assertThat(list.path("cases").get(0).has("events")).isFalse();
    }

    /** What a generation switch compares with the recorded positions: where each partition ends and how far a group committed. */
    @Test
    void theBrokerTellsWhereEachPartitionEndsAndHowFarTheServedGroupCommitted() {
        CaseHistoryBuilder history = CaseHistoryBuilder.openedAt("school-d", Instant.now().minus(Duration.ofDays(2))).consultedColleague();
        List<RecordMetadata> sent = history.published().stream()
                .map(event -> kafka.send(cast(EventRecords.of(event))).join().getRecordMetadata()).toList();
        RecordMetadata last = sent.get(sent.size() - 1);
        awaitDossier(history.caseId(), history.events().size());
        TopicPartition partition = new TopicPartition(last.topic(), last.partition());
        String consumer = containers.servingConsumer(MeldcodeCases.NAME);

        Map<TopicPartition, Long> ends = partitionEnds.ends(List.of(Topics.CASE_EVENTS));
        assertThat(ends).hasSize(3).containsKey(partition);
        assertThat(ends.get(partition)).isGreaterThan(last.offset());
        assertThat(positions.of(consumer)).anySatisfy(position -> {
            assertThat(new TopicPartition(position.topic(), position.partition())).isEqualTo(partition);
            assertThat(position.offset()).isGreaterThanOrEqualTo(last.offset());
        });
        assertThat(Eventually.within(DEADLINE).until(() -> partitionEnds.committed(consumer).getOrDefault(partition, 0L),
                offset -> offset > last.offset())).as("past the last record once committed").isGreaterThan(last.offset());
    }

    @Test
    void aDuplicatedDeliveryChangesNothing() {
        CaseHistoryBuilder history = CaseHistoryBuilder.openedAt("school-b", Instant.now().minus(Duration.ofDays(10)))
                .consultedColleague().talkedToParents(true);
        List<PublishedEvent> events = history.published();
        publish(events);
        JsonNode before = awaitDossier(history.caseId(), 3);

        publish(events);
        publish(List.of(events.get(1)));
        CaseHistoryBuilder marker = CaseHistoryBuilder.openedAt("school-b", Instant.now().minus(Duration.ofDays(1)));
        publish(marker.published());
        awaitDossier(marker.caseId(), 1);

        JsonNode after = get("/api/dossiers/" + history.caseId());
        assertThat(after.path("entries")).isEqualTo(before.path("entries"));
        assertThat(after.path("version")).isEqualTo(before.path("version"));
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndConsumptionContinues() throws Exception {
        RecordHeaders headers = new RecordHeaders();
        EventRecords.add(headers, EventHeaders.EVENT_ID, UUID.randomUUID().toString());
        EventRecords.add(headers, EventHeaders.EVENT_TYPE, "nl.meldspoor.api.meldcase.CaseOpened");
        EventRecords.add(headers, EventHeaders.EVENT_REVISION, "1");
        EventRecords.add(headers, EventHeaders.AGGREGATE_ID, "poisoned-case");
        EventRecords.add(headers, EventHeaders.AGGREGATE_SEQUENCE, "0");
        EventRecords.add(headers, EventHeaders.RECORDED_AT, Instant.now().toString());
        kafka.send(cast(new ProducerRecord<>(Topics.CASE_EVENTS, null, "poisoned-case", "{not json".getBytes(StandardCharsets.UTF_8), headers))).join();
        CaseHistoryBuilder after = CaseHistoryBuilder.openedAt("school-c", Instant.now().minus(Duration.ofDays(1)));
        publish(after.published());

        awaitDossier(after.caseId(), 1);
        assertThat(status("/api/dossiers/poisoned-case")).isEqualTo(404);
        ConsumerRecord<String, byte[]> deadLetter = Eventually.within(DEADLINE).until(() -> deadLetterOf(MeldcodeCases.NAME), record -> record != null);
        assertThat(deadLetter.key()).isEqualTo("poisoned-case");
        assertThat(new String(deadLetter.headers().lastHeader("meldspoor-dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains("PoisonEventException");
        assertThat(new String(deadLetter.headers().lastHeader("meldspoor-dead-letter-consumer").value(), StandardCharsets.UTF_8))
                .isEqualTo(MeldcodeCases.NAME);
        String metrics = get("/actuator/prometheus").asText();
        assertThat(metrics).contains("meldspoor_consumer_dead_letters_total{").contains("consumer=\"meldcode-cases\"");
    }

    @Test
    void anEventAfterAGapIsHeldUntilTheMissingOneArrivesSoTheDossierIsNeverBuiltWithAHole() {
        Instant opened = Instant.now().minus(Duration.ofDays(15));
        CaseHistoryBuilder history = CaseHistoryBuilder.openedAt("school-c", opened)
                .consultedColleague().talkedToParents(true).suspicionAndUnsafety();
        CaseHistoryBuilder inOrder = CaseHistoryBuilder.openedAt("school-c", opened)
                .consultedColleague().talkedToParents(true).suspicionAndUnsafety();
        List<PublishedEvent> events = history.published();
        int count = events.size();
        publish(inOrder.published());
        List<PublishedEvent> withoutTheSecond = new java.util.ArrayList<>(events);
        PublishedEvent missing = withoutTheSecond.remove(1);
        publish(withoutTheSecond);

        JsonNode incomplete = Eventually.within(DEADLINE).until(() -> incompleteOf(history.caseId()),
                found -> found != null && found.path("held").asInt() == count - 2);
        assertThat(incomplete.path("appliedSequence").asLong()).isZero();
        assertThat(incomplete.path("missingFrom").asLong()).isEqualTo(1);
        assertThat(incomplete.path("missingTo").asLong()).isEqualTo(1);
        assertThat(incomplete.path("since").asText()).isNotBlank();
        assertThat(get("/actuator/health").path("components").path("readModels").path("status").asText()).isEqualTo("DOWN");
        assertThat(get("/api/dossiers/" + history.caseId()).path("entries")).as("the history up to the gap, nothing after it").hasSize(1);

        publish(List.of(missing));

        JsonNode complete = awaitDossier(history.caseId(), count);
        JsonNode reference = awaitDossier(inOrder.caseId(), count);
        assertThat(complete.path("state").path("currentStep")).isEqualTo(reference.path("state").path("currentStep"));
        assertThat(complete.path("entries").findValuesAsText("summary")).isEqualTo(reference.path("entries").findValuesAsText("summary"));
        assertThat(get("/api/dossiers/" + history.caseId() + "/rapportage").path("steps"))
                .isEqualTo(get("/api/dossiers/" + inOrder.caseId() + "/rapportage").path("steps"));
        Eventually.within(DEADLINE).until(() -> get("/actuator/health").path("components").path("readModels"),
                readModels -> "UP".equals(readModels.path("status").asText()));
        assertThat(incompleteOf(history.caseId())).isNull();
        publish(List.of(events.get(count - 1)));
        assertThat(get("/api/dossiers/" + history.caseId()).path("entries")).hasSize(count);
    }

    private JsonNode incompleteOf(String caseId) {
        for (JsonNode aggregate : get("/actuator/health").path("components").path("readModels").path("details").path(MeldcodeCases.NAME)
                .path("incomplete")) {
            if (caseId.equals(aggregate.path("aggregateId").asText())) {
                return aggregate;
            }
        }
        return null;
    }

    private ConsumerRecord<String, byte[]> deadLetterOf(String readModel) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafkaConnection.getBootstrapServers()));
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.CASE_EVENTS + ".dlt"));
            var records = consumer.poll(Duration.ofSeconds(2));
            return StreamSupport.stream(records.spliterator(), false)
                    .filter(record -> "poisoned-case".equals(record.key()))
                    .filter(record -> readModel.equals(new String(record.headers().lastHeader("meldspoor-dead-letter-consumer").value(), StandardCharsets.UTF_8)))
                    .findFirst().orElse(null);
        }
    }

    @Test
    void aRebuildFromOffsetZeroEqualsTheIncrementallyBuiltReadModel() {
        List<CaseHistoryBuilder> histories = List.of(
                CaseHistoryBuilder.openedAt("school-d", Instant.now().minus(Duration.ofDays(40))).consultedColleague().talkedToParents(true)
                        .noSuspicion().closed(CaseOutcome.NO_SUSPICION),
                CaseHistoryBuilder.openedAt("school-d", Instant.now().minus(Duration.ofDays(30))).askedVeiligThuis().talkedToParents(false)
                        .suspicionAndUnsafety().reported().feedback(),
                CaseHistoryBuilder.openedAt("school-e", Instant.now().minus(Duration.ofDays(5))).consultedColleague());
        histories.forEach(history -> publish(history.published()));
        histories.forEach(history -> awaitDossier(history.caseId(), history.events().size()));
        Map<String, JsonNode> incremental = snapshot(histories);
        awaitDashboardCounters();
        JsonNode dashboardBefore = get("/api/dashboards/cluster/cluster-zuid?from=2026-01-01&to=2030-01-01");

        ResponseEntity<String> rebuild = exchange(ADMINISTRATOR, HttpMethod.POST, "/api/admin/read-models/" + MeldcodeCases.NAME + "/rebuild");
        assertThat(rebuild.getStatusCode().value()).isEqualTo(202);

        Eventually.within(DEADLINE).until(() -> snapshot(histories), rebuilt -> rebuilt.equals(incremental));
        assertThat(get("/api/dashboards/cluster/cluster-zuid?from=2026-01-01&to=2030-01-01")).isEqualTo(dashboardBefore);
        JsonNode health = get("/actuator/health");
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("mongo").path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("readModels").path("details").path(MeldcodeCases.NAME).path("rebuild").path("status").asText())
                .isEqualTo("REPLAYING");
        assertThat(exchange(ADMINISTRATOR, HttpMethod.POST, "/api/admin/read-models/no-such-model/rebuild").getStatusCode().value())
                .isEqualTo(404);

        // the dashboards' counters are dropped and counted again from offset 0, and give the same dashboard
        assertThat(exchange(ADMINISTRATOR, HttpMethod.POST, "/api/admin/read-models/" + DashboardCounters.NAME + "/rebuild").getStatusCode().value())
                .isEqualTo(202);
        Eventually.within(DEADLINE).until(() -> get("/api/dashboards/cluster/cluster-zuid?from=2026-01-01&to=2030-01-01"),
                rebuilt -> rebuilt.equals(dashboardBefore));
    }

    /**
     * The dashboards read their own projection, with its own consumer: wait until it has applied at least what the
     * other read models have (whose views the test awaited) before reading a dashboard.
     */
    private void awaitDashboardCounters() {
        Eventually.within(DEADLINE).until(() -> get("/actuator/health").path("components").path("readModels").path("details"), details -> {
            JsonNode counters = details.path(DashboardCounters.NAME).path("position");
            for (String readModel : List.of(MeldcodeCases.NAME, "pupil-signals", "incident-register")) {
                var positions = details.path(readModel).path("position").fields();
                while (positions.hasNext()) {
                    var position = positions.next();
                    if (counters.path(position.getKey()).path("offset").asLong(-1) < position.getValue().path("offset").asLong()) {
                        return false;
                    }
                }
            }
            return true;
        });
    }

    private Map<String, JsonNode> snapshot(List<CaseHistoryBuilder> histories) {
        Map<String, JsonNode> snapshot = new java.util.TreeMap<>();
        for (CaseHistoryBuilder history : histories) {
            JsonNode dossier = get("/api/dossiers/" + history.caseId());
            if (dossier.isObject()) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) dossier.path("state")).remove("asOf");
                // every read of the snapshot is itself in the access log: compare the case, not who looked
                ((com.fasterxml.jackson.databind.node.ObjectNode) dossier).remove(List.of("lookedAt", "lookedAtTotal"));
            }
            snapshot.put(history.caseId(), dossier);
            snapshot.put(history.caseId() + "/rapportage", get("/api/dossiers/" + history.caseId() + "/rapportage"));
        }
        return snapshot;
    }

    @Test
    void healthShowsEachReadModelsPositionAndLagIsAMetricPerPartition() {
        CaseHistoryBuilder history = CaseHistoryBuilder.openedAt("school-a", Instant.now().minus(Duration.ofDays(2)));
        publish(history.published());
        awaitDossier(history.caseId(), 1);

        JsonNode details = Eventually.within(DEADLINE).until(
                () -> get("/actuator/health").path("components").path("readModels").path("details").path(MeldcodeCases.NAME),
                model -> model.path("position").size() > 0 && model.path("lag").size() > 0);
        assertThat(details.path("position").fieldNames()).toIterable().allMatch(name -> name.startsWith(Topics.CASE_EVENTS + "-"));
        assertThat(details.path("lag").fieldNames()).as("meldcode-cases reads the case-service's topic only").toIterable()
                .allMatch(name -> name.startsWith(Topics.CASE_EVENTS + "-"));

        publishSignals(PupilHistoryBuilder.pupil("family-" + UUID.randomUUID())
                .signal("school-a", Instant.now().minus(Duration.ofDays(1)), SignalCategory.SOCIAL_EMOTIONAL));
        JsonNode all = Eventually.within(DEADLINE).until(() -> get("/actuator/health").path("components").path("readModels").path("details"),
                models -> models.path(PupilSignals.NAME).path("position").size() > 0 && models.path(PupilSignals.NAME).path("lag").size() > 0
                        && models.path(IncidentRegister.NAME).path("lag").size() > 0);
        for (String signalsOnly : List.of(PupilSignals.NAME, IncidentRegister.NAME)) {
            assertThat(all.path(signalsOnly).path("lag").fieldNames()).as(signalsOnly + " reads the signal-service's topic only").toIterable()
                    .allMatch(name -> name.startsWith(Topics.SIGNAL_EVENTS + "-"));
            assertThat(all.path(signalsOnly).path("position").fieldNames()).toIterable().allMatch(name -> name.startsWith(Topics.SIGNAL_EVENTS + "-"));
        }
        assertThat(all.path(DashboardCounters.NAME).path("lag").fieldNames()).as("the counters read both").toIterable()
                .anyMatch(name -> name.startsWith(Topics.CASE_EVENTS + "-")).anyMatch(name -> name.startsWith(Topics.SIGNAL_EVENTS + "-"));
        String metrics = Eventually.within(DEADLINE).until(() -> get("/actuator/prometheus").asText(),
                text -> text.contains("meldspoor_reporting_consumer_lag{"));
        assertThat(metrics).contains("partition=\"0\"").contains("readModel=\"meldcode-cases\"");
    }

    @Test
    void aPupilsSignalsBecomeTheCareCoordinatorsOverviewWithSiblingsAtTheSchool() {
        String family = "family-" + UUID.randomUUID();
        PupilHistoryBuilder pupil = PupilHistoryBuilder.pupil(family)
                .signal("school-a", Instant.now().minus(Duration.ofDays(400)), SignalCategory.SOCIAL_EMOTIONAL)
                .signal("school-a", Instant.now().minus(Duration.ofDays(3)), SignalCategory.HOME_SITUATION, SignalFlag.DISCLOSURE)
                .signal("school-b", Instant.now().minus(Duration.ofDays(2)), SignalCategory.BULLYING);
        PupilHistoryBuilder sibling = PupilHistoryBuilder.pupil(family)
                .signal("school-a", Instant.now().minus(Duration.ofDays(1)), SignalCategory.HOME_SITUATION);
        publishSignals(pupil);
        publishSignals(sibling);

        JsonNode overview = Eventually.within(DEADLINE).until(
                () -> get("/api/schools/school-a/pupils/" + pupil.pupilRef() + "/signals"),
                body -> body.path("signals").size() == 2 && body.path("siblingSignals").size() == 1);
        assertThat(overview.path("signals").findValuesAsText("schoolId")).containsOnly("school-a");
        assertThat(overview.path("signals").get(1).path("urgentPath").asBoolean()).isTrue();
        assertThat(overview.path("siblingSignals").get(0).path("pupilRef").asText()).isEqualTo(sibling.pupilRef());
        assertThat(overview.path("siblingSignals").get(0).path("signal").has("text")).isFalse();
        awaitDashboardCounters();
        JsonNode dashboard = get("/api/dashboards/school/school-a?from=2020-01-01&to=2100-01-01");
        assertThat(dashboard.path("totals").path("signals").path("urgent").path("value").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(status("/api/schools/school-c/pupils/" + pupil.pupilRef() + "/signals")).isEqualTo(404);
        assertThat(status("/api/schools/school-a/pupils/Jan de Vries/signals")).as("a name is not a pupil reference").isEqualTo(400);
    }

    @Test
    void publishedIncidentsFormTheSchoolsRegisterAndItsExport() {
        IncidentHistoryBuilder meldplicht = IncidentHistoryBuilder.meldplicht("school-e", Instant.now().minus(Duration.ofDays(3))).boardInformed(35);
        IncidentHistoryBuilder fight = IncidentHistoryBuilder.incident("school-e", Instant.now().minus(Duration.ofDays(10)),
                IncidentType.PHYSICAL_VIOLENCE, Severity.MINOR);
        for (IncidentHistoryBuilder incident : List.of(meldplicht, fight)) {
            for (PublishedEvent event : incident.published()) {
                kafka.send(cast(PublishedRecords.of(Topics.SIGNAL_EVENTS, "Incident", event.aggregateId(), event.sequence(), event.eventId(),
                        event.recordedAt(), event.payload(), event.json()))).join();
            }
        }

        JsonNode register = Eventually.within(DEADLINE).until(() -> json(exchange(AUDITOR, HttpMethod.GET, "/api/schools/school-e/incidents")),
                body -> body.path("incidents").findValuesAsText("incidentId").containsAll(List.of(meldplicht.incidentId(), fight.incidentId())));
        List<String> ids = register.path("incidents").findValuesAsText("incidentId");
        assertThat(ids.indexOf(fight.incidentId())).isLessThan(ids.indexOf(meldplicht.incidentId()));
        assertThat(json(exchange(AUDITOR, HttpMethod.GET, "/api/schools/school-e/incidents?type=SEXUAL_OFFENCE_BY_STAFF")).path("incidents")
                .findValuesAsText("minutesToBoard")).containsExactly("35");
        ResponseEntity<String> csv = exchange(AUDITOR, HttpMethod.GET, "/api/schools/school-e/incidents.csv?protocolStatus=IN_PROGRESS");
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getBody()).contains(meldplicht.incidentId()).doesNotContain(fight.incidentId());

        JsonNode principals = get("/api/schools/school-e/incidents");
        assertThat(principals.path("incidents").findValuesAsText("incidentId")).as("the principal may be the suspect")
                .contains(fight.incidentId()).doesNotContain(meldplicht.incidentId());
        assertThat(exchange(PRINCIPAL, HttpMethod.GET, "/api/schools/school-e/incidents.csv").getBody()).doesNotContain(meldplicht.incidentId());
        awaitDashboardCounters();
        assertThat(get("/api/dashboards/school/school-e").path("totals").path("incidents").path("meldplicht").path("value").asInt())
                .as("the count stays in the dashboard").isGreaterThanOrEqualTo(1);
        assertThat(status("/api/schools/school-e/incidents?type=BRAND")).isEqualTo(400);
    }

    /**
     * A read model that catches up (here a rebuild reading the signal topic from offset 0) takes its backlog in polls
     * of up to {@code meldspoor.reporting.poll-records}, each applied with one bulk write per collection: more than
     * Kafka's default of 500 records.
     */
    @Test
    void aReadModelCatchingUpTakesItsBacklogInPollsLargerThanKafkasDefault() {
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (int pupil = 0; pupil < 300; pupil++) {
            PupilHistoryBuilder history = PupilHistoryBuilder.pupil("family-" + UUID.randomUUID());
            for (int signal = 0; signal < 4; signal++) {
                history.signal("school-backlog", Instant.now().minus(Duration.ofDays(30 - signal)), SignalCategory.SOCIAL_EMOTIONAL);
            }
            history.published().forEach(event -> sent.add(sendSignal(event)));
        }
        sent.forEach(CompletableFuture::join);

        assertThat(exchange(ADMINISTRATOR, HttpMethod.POST, "/api/admin/read-models/" + PupilSignals.NAME + "/rebuild").getStatusCode().value()).isEqualTo(202);

        Eventually.within(DEADLINE).until(() -> meters.find(ReadModelContainers.POLL_EVENTS).tag("readModel", PupilSignals.NAME).summary(),
                polls -> polls != null && polls.max() > 500);
    }

    private void publishSignals(PupilHistoryBuilder history) {
        history.published().forEach(event -> sendSignal(event).join());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private CompletableFuture<?> sendSignal(PublishedEvent event) {
        return kafka.send((ProducerRecord) PublishedRecords.of(Topics.SIGNAL_EVENTS, "PupilFile", event.aggregateId(), event.sequence(),
                event.eventId(), event.recordedAt(), event.payload(), event.json()));
    }

    @Test
    void unknownThingsAreNotFoundAndBadFiltersRefused() {
        assertThat(status("/api/dossiers/" + UUID.randomUUID())).isEqualTo(404);
        // refused before it is looked up: a caller learns nothing about schools they do not work at
        assertThat(status("/api/schools/no-such-school/cases")).isEqualTo(403);
        assertThat(status("/api/schools/school-a/cases?status=HALF")).isEqualTo(400);
        assertThat(status("/api/schools/school-a/cases?step=9")).isEqualTo(400);
        assertThat(status("/api/schools/school-a/cases?sort=pupilRef")).isEqualTo(400);
        assertThat(status("/api/dashboards/cluster/nope")).isEqualTo(404);
        assertThat(status("/api/dashboards/school/school-a?from=2027-01-01&to=2026-01-01")).isEqualTo(400);
        assertThat(get("/api/schools/school-a/cases?status=HALF").path("errors").get(0).path("field").asText()).isEqualTo("status");
    }

    @Test
    void pupilLevelReadModelsAreForTheSchoolAndAggregatesForTheClusterAndBoard() {
        CaseHistoryBuilder history = CaseHistoryBuilder.openedAt("school-a", Instant.now().minus(Duration.ofDays(3))).consultedColleague();
        publish(history.published());
        awaitDossier(history.caseId(), history.events().size());
        String dossier = "/api/dossiers/" + history.caseId();

        assertThat(status(PRINCIPAL_B, dossier)).isEqualTo(403);
        assertThat(status(PRINCIPAL_B, dossier + "/rapportage")).isEqualTo(403);
        assertThat(status(PRINCIPAL_B, "/api/schools/school-a/cases")).isEqualTo(403);
        assertThat(status(PRINCIPAL_B, "/api/schools/school-b/cases")).isEqualTo(200);
        assertThat(status(TEACHER_A, dossier)).isEqualTo(403);
        assertThat(status(TEACHER_A, "/api/dashboards/school/school-a")).isEqualTo(403);
        for (String pupilLevel : List.of(dossier, "/api/schools/school-a/cases", "/api/schools/school-a/incidents",
                "/api/schools/school-a/incidents.csv", "/api/schools/school-a/pupils/" + history.pupilRef() + "/signals")) {
            ResponseEntity<String> refused = exchange(CLUSTER_NOORD, HttpMethod.GET, pupilLevel);
            assertThat(refused.getStatusCode().value()).as(pupilLevel).isEqualTo(403);
            assertThat(refused.getBody()).as(pupilLevel).contains("AGGREGATES_ONLY");
            assertThat(fieldNames(refused.getBody())).as("a refusal is a problem and nothing else")
                    .containsOnly("type", "title", "status", "detail", "instance", "rule");
            assertThat(status(BOARD_OFFICER, pupilLevel)).as(pupilLevel).isEqualTo(403);
        }
        assertThat(status(CLUSTER_NOORD, "/api/dashboards/cluster/cluster-noord")).isEqualTo(200);
        assertThat(status(CLUSTER_NOORD, "/api/dashboards/school/school-a")).isEqualTo(200);
        // above the school, a school's dashboard is suppressed like the cluster's: the case just opened is not a visible 1
        awaitDashboardCounters();
        JsonNode forThePrincipal = json(exchange(PRINCIPAL, HttpMethod.GET, "/api/dashboards/school/school-a"));
        assertThat(forThePrincipal.path("totals").path("casesOpened").path("value").asInt()).isPositive();
        for (Actor above : List.of(CLUSTER_NOORD, BOARD_OFFICER)) {
            JsonNode forAbove = json(exchange(above, HttpMethod.GET, "/api/dashboards/school/school-a"));
            assertThat(forAbove.findValues("value")).as("no count from 1 to 4 shown").noneMatch(value -> value.isInt() && value.asInt() > 0 && value.asInt() < 5);
            ResponseEntity<String> oneDay = exchange(above, HttpMethod.GET, "/api/dashboards/school/school-a?from=2026-10-20&to=2026-10-21");
            assertThat(oneDay.getStatusCode().value()).isEqualTo(400);
            assertThat(json(oneDay).path("rule").asText()).isEqualTo("PERIOD_NOT_WHOLE");
            assertThat(json(oneDay).path("errors").findValuesAsText("field")).containsExactly("from", "to");
        }
        assertThat(status(CLUSTER_NOORD, "/api/dashboards/cluster/cluster-noord?period=2026-2027-T2")).isEqualTo(200);
        assertThat(status(CLUSTER_NOORD, "/api/dashboards/cluster/cluster-zuid")).isEqualTo(403);
        assertThat(status(CLUSTER_NOORD, "/api/dashboards/board/bestuur-voorbeeld")).isEqualTo(403);
        assertThat(status(BOARD_OFFICER, "/api/dashboards/board/bestuur-voorbeeld")).isEqualTo(200);
        assertThat(exchange(PRINCIPAL, HttpMethod.POST, "/api/admin/read-models/" + MeldcodeCases.NAME + "/rebuild").getStatusCode().value())
                .isEqualTo(403);
        assertThat(rest.getForEntity(dossier, String.class).getStatusCode().value()).isEqualTo(401);
    }

    private List<String> fieldNames(String body) {
        try {
            List<String> names = new java.util.ArrayList<>();
            json.readTree(body).fieldNames().forEachRemaining(names::add);
            return names;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyReadIsInTheAccessLogWithWhoWhatWhenAndWhy() {
        CaseHistoryBuilder history = CaseHistoryBuilder.openedAt("school-b", Instant.now().minus(Duration.ofDays(2))).consultedColleague();
        publish(history.published());
        awaitDossier(history.caseId(), history.events().size());
        String dossier = "/api/dossiers/" + history.caseId();
        org.springframework.http.HttpHeaders withPurpose = HttpApi.as(PRINCIPAL_B);
        withPurpose.set("X-Meldspoor-Purpose", "CARE_COORDINATION");
        assertThat(rest.exchange(dossier, HttpMethod.GET, new HttpEntity<>(withPurpose), String.class).getStatusCode().value()).isEqualTo(200);
        exchange(PRINCIPAL_B, HttpMethod.GET, dossier + "/rapportage");
        exchange(PRINCIPAL_B, HttpMethod.GET, "/api/schools/school-b/incidents");

        String log = "/api/schools/school-b/access-log?recordId=" + history.caseId();
        JsonNode entries = Eventually.within(DEADLINE).until(() -> json(exchange(PRINCIPAL_B, HttpMethod.GET, log)).path("entries"),
                found -> found.size() >= 2);
        assertThat(entries.findValuesAsText("kind")).contains("DOSSIER", "RAPPORTAGE");
        JsonNode dossierRead = java.util.stream.StreamSupport.stream(entries.spliterator(), false)
                .filter(entry -> entry.path("kind").asText().equals("DOSSIER")).findFirst().orElseThrow();
        assertThat(dossierRead.path("personId").asText()).isEqualTo(PRINCIPAL_B.personId());
        assertThat(dossierRead.path("role").asText()).isEqualTo("PRINCIPAL");
        assertThat(dossierRead.path("purpose").asText()).isEqualTo("CARE_COORDINATION");
        assertThat(dossierRead.path("why").asText()).isEqualTo("zorgoverleg");
        assertThat(dossierRead.path("at").asText()).isNotBlank();
        Eventually.within(DEADLINE).until(() -> json(exchange(PRINCIPAL_B, HttpMethod.GET, "/api/schools/school-b/access-log?recordId=school-b"))
                .path("entries").findValuesAsText("kind"), kinds -> kinds.contains("INCIDENT_REGISTER"));
        JsonNode lookedAt = json(exchange(PRINCIPAL_B, HttpMethod.GET, dossier));
        assertThat(lookedAt.path("lookedAt").findValuesAsText("personId")).contains(PRINCIPAL_B.personId());
        assertThat(lookedAt.path("lookedAtTotal").asLong()).isGreaterThanOrEqualTo(lookedAt.path("lookedAt").size()).isPositive();

        assertThat(status(TEACHER_A, "/api/schools/school-a/access-log")).isEqualTo(403);
        assertThat(status(PRINCIPAL_B, "/api/schools/school-a/access-log")).isEqualTo(403);
        assertThat(status(CLUSTER_NOORD, "/api/schools/school-b/access-log")).isEqualTo(403);

        String today = "/api/schools/school-b/access-log/chains/" + java.time.LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam"));
        JsonNode chain = json(exchange(PRINCIPAL_B, HttpMethod.GET, today));
        assertThat(chain.path("valid").asBoolean()).as(chain.toString()).isTrue();
        assertThat(chain.path("entries").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(chain.path("firstBrokenSequence").isNull()).isTrue();
        assertThat(status(TEACHER_A, "/api/schools/school-b/access-log/chains/2026-01-05")).isEqualTo(403);
        assertThat(status(PRINCIPAL_B, "/api/schools/school-a/access-log/chains/2026-01-05")).isEqualTo(403);
        assertThat(status(CLUSTER_NOORD, "/api/schools/school-b/access-log/chains/2026-01-05")).isEqualTo(403);
    }
}
