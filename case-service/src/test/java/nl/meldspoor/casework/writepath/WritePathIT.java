package nl.meldspoor.casework.writepath;

import static nl.meldspoor.platform.testing.HttpApi.idempotencyKey;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationPredicate;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.sql.DataSource;
import nl.meldspoor.api.common.CommandAuthority;
import nl.meldspoor.api.meldcase.ColleagueConsultation;
import nl.meldspoor.api.meldcase.ConsultColleague;
import nl.meldspoor.api.meldcase.SameSignals;
import nl.meldspoor.engines.kafka.EmbeddedKafkaBroker;
import nl.meldspoor.platform.eventstore.FreshAggregateCache;
import nl.meldspoor.platform.publishing.LiveMessageOriginProvider;
import nl.meldspoor.platform.security.StaffDirectory;
import nl.meldspoor.platform.testing.HttpApi.Response;
import nl.meldspoor.platform.testing.HttpApi;
import nl.meldspoor.platform.testing.IndexedLookUps;
import nl.meldspoor.platform.testing.TestKafkaDirectory;
import nl.meldspoor.platform.testing.TestPostgres;
import nl.meldspoor.platform.testing.security.TestStaff;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.timeout.HandlerTimeoutHandlerEnhancerDefinition;
import org.axonframework.springboot.autoconfig.AxonTimeoutAutoConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** What one command costs the database on its own request path: one transaction, whatever it writes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WritePathIT {

    @TestConfiguration(proxyBeanMethods = false)
    static class Counting {
        @Bean
        static BeanPostProcessor commitCounter() {
            return CommitCounter.wrapping();
        }

        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        static ObservationPredicate observationsAsked() {
            return (name, observationContext) -> OBSERVATIONS_ASKED.add(name);
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.registerFreshDatabase(registry);
        // A broker of its own in a directory of its own: the default (data/case-service/kafka) is locked by any other
        // case-service context still cached in this JVM, and the second broker then fails to start.
        TestKafkaDirectory.registerFresh(registry, "writepath");
    }

    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private ObjectMapper json;
    @Autowired
    private ApplicationContext context;

    private HttpApi api;

    @BeforeEach
    void setUp() {
        api = new HttpApi(rest, json);
        new TestStaff(context.getBean(StaffDirectory.class)).grant(BenchRequests.IB, "school-a");
    }

    @Autowired
    private JdbcTemplate jdbc;

    /**
     * Spring keeps the contexts of earlier test classes alive in this JVM; a case-service context whose broker takes
     * the service's default directory cannot start while another one holds that directory's lock.
     */
    @Test
    void commandAndEventHandlersRunWithoutAxonsTimeoutWrappersWhichCaptureTheWholeStackOnEveryInvocation() {
        assertThat(context.getBeanNamesForType(HandlerTimeoutHandlerEnhancerDefinition.class)).isEmpty();
        assertThat(context.getBeanNamesForType(AxonTimeoutAutoConfiguration.class)).isEmpty();
    }

    /** Every observation name the registry is asked about, before any other predicate can answer no. */
    private static final Queue<String> OBSERVATIONS_ASKED = new ConcurrentLinkedQueue<>();

    @Test
    void noSecurityFilterAsksForAnObservationWhileSpringSecuritysObservationsAreOffAndTheRequestStaysObserved() {
        OBSERVATIONS_ASKED.clear();

        assertThat(api.post(BenchRequests.IB, "/api/cases", BenchRequests.opening("pupil-" + UUID.randomUUID())).status()).isEqualTo(201);

        assertThat(OBSERVATIONS_ASKED).contains("http.server.requests").noneMatch(name -> name.startsWith("spring.security."));
        assertThat(context.getBean(MeterRegistry.class).find("http.server.requests").tag("uri", "/api/cases").timer()).isNotNull();
    }

    @Test
    void anEventStillCarriesTheOriginOfItsCommandWhileThePublishingLanesTakeNoneFromTheEventsTheyReadBack() {
        assertThat(context.getBean(Configuration.class).correlationDataProviders())
                .singleElement().isInstanceOf(LiveMessageOriginProvider.class);
        Response opened = api.post(BenchRequests.IB, "/api/cases", BenchRequests.opening("pupil-" + UUID.randomUUID()));

        MetaData stored = context.getBean(EventStore.class).readEvents(opened.id()).next().getMetaData();

        assertThat(stored.get("traceId")).isNotNull().isEqualTo(stored.get("correlationId"));
    }

    @Test
    void itsEmbeddedBrokerKeepsItsDataInADirectoryOfItsOwnUnderTarget() {
        Path dataDirectory = context.getBean(EmbeddedKafkaBroker.class).dataDir();

        assertThat(dataDirectory).startsWith(Path.of("target").toAbsolutePath())
                .isNotEqualTo(Path.of("data", "case-service", "kafka").toAbsolutePath());
    }

    @Test
    void theConnectionPoolIsSizedForSixteenConcurrentClientsAndTheBackgroundWork() throws Exception {
        HikariDataSource pool = context.getBean("dataSource", DataSource.class).unwrap(HikariDataSource.class);

        assertThat(pool.getMaximumPoolSize()).isGreaterThanOrEqualTo(16 + 3);
    }

    /**
     * At board scale (tens of thousands of keys, a day of Idempotency-Keys) every look-up a command makes in
     * personal_data_key and idempotency_record uses an index, in the plan PostgreSQL makes for the literal values and
     * in the generic plan it reuses for the driver's prepared statements.
     */
    @Test
    void theHotLookUpsOfKeysAndIdempotencyRecordsUseAnIndexNeverASequentialScan() {
        String keyId = jdbc.queryForObject("SELECT gen_random_uuid()::text", String.class);
        List<String> boardSize = List.of("""
                INSERT INTO personal_data_key (key_id, record_type, record_id, school_id, secret, created_at, retention_from, erased_at)
                SELECT gen_random_uuid(), (ARRAY['MELDCODE_CASE','PUPIL_FILE','INCIDENT'])[1 + n % 3], 'record-' || n, 'school-' || (n % 100),
                       CASE WHEN n % 10 = 0 THEN NULL ELSE '\\x00'::bytea END, now(), CASE WHEN n % 4 = 0 THEN now() END,
                       CASE WHEN n % 10 = 0 THEN now() END
                FROM generate_series(1, 20000) n""", """
                INSERT INTO idempotency_record (person_id, idempotency_key, request_fingerprint, response_status, response_body, created_at)
                SELECT 'person-' || (n % 300), gen_random_uuid()::text, 'f', 201, '{}', now() - (n % 1440) * interval '1 minute'
                FROM generate_series(1, 20000) n""",
                "ANALYZE personal_data_key", "ANALYZE idempotency_record");

        Map<String, String> hot = new LinkedHashMap<>();
        hot.put("live key of a record", "SELECT key_id, secret FROM personal_data_key WHERE record_type = $1 AND record_id = $2 AND school_id = $3 AND secret IS NOT NULL");
        hot.put("key by id", "SELECT key_id, secret FROM personal_data_key WHERE key_id = $4::uuid");
        hot.put("record of a key", "SELECT record_type, record_id, school_id FROM personal_data_key WHERE key_id = $4::uuid");
        hot.put("retention start", "UPDATE personal_data_key SET retention_from = now() WHERE record_type = $1 AND record_id = $2 AND school_id = $3 AND secret IS NOT NULL");
        hot.put("new key", "INSERT INTO personal_data_key (key_id, record_type, record_id, school_id, secret, created_at) VALUES (gen_random_uuid(), $1, $2, $3, '\\x00', now()) "
                + "ON CONFLICT (record_type, record_id, school_id) WHERE secret IS NOT NULL DO NOTHING RETURNING key_id");
        hot.put("idempotency look-up", "SELECT request_fingerprint, response_status, response_body, location FROM idempotency_record "
                + "WHERE person_id = $5 AND idempotency_key = $6 AND created_at >= now() - $7 * interval '1 millisecond'");
        hot.put("idempotency expired use", "DELETE FROM idempotency_record WHERE person_id = $5 AND idempotency_key = $6 "
                + "AND created_at < now() - $7 * interval '1 millisecond'");

        IndexedLookUps.assertEachUsesAnIndex(jdbc, boardSize, "(varchar, varchar, varchar, text, varchar, varchar, bigint)",
                "('MELDCODE_CASE', 'record-301', 'school-1', '" + keyId + "', 'person-7', 'some-key', 86400000)", hot);
    }

    @Test
    void aFollowUpCommandOnACaseThisServiceJustActedOnDoesNotReadTheCasesHistoryAgain() {
        Response opened = api.post(BenchRequests.IB, "/api/cases", BenchRequests.opening("pupil-" + UUID.randomUUID()));
        long before = CommitCounter.historyReads();

        for (int i = 0; i < 3; i++) {
            Response consulted = api.post(BenchRequests.IB, "/api/cases/" + opened.id() + "/colleague-consultations",
                    BenchRequests.colleagueConsultation());
            assertThat(consulted.status()).as(consulted.body().toString()).isEqualTo(200);
            assertThat(consulted.version()).isEqualTo(i + 1);
        }

        assertThat(CommitCounter.historyReads() - before).isZero();
    }

    @Test
    void aCachedCaseStillRefusesAStaleIfMatchWithAConflict() {
        Response opened = api.post(BenchRequests.IB, "/api/cases", BenchRequests.opening("pupil-" + UUID.randomUUID()));
        ok(api.post(BenchRequests.IB, "/api/cases/" + opened.id() + "/colleague-consultations", BenchRequests.colleagueConsultation(),
                HttpApi.ifMatch(0)));

        Response stale = api.post(BenchRequests.IB, "/api/cases/" + opened.id() + "/colleague-consultations",
                BenchRequests.colleagueConsultation(), HttpApi.ifMatch(0));

        assertThat(stale.status()).isEqualTo(409);
    }

    @Test
    void aRetriedCommandWithTheSameIdempotencyKeyAnswersTheSameAndAppendsNothing() {
        Response opened = api.post(BenchRequests.IB, "/api/cases", BenchRequests.opening("pupil-" + UUID.randomUUID()));
        var body = BenchRequests.colleagueConsultation();
        Response first = api.post(BenchRequests.IB, "/api/cases/" + opened.id() + "/colleague-consultations", body, idempotencyKey("retry-1"));
        Response retried = api.post(BenchRequests.IB, "/api/cases/" + opened.id() + "/colleague-consultations", body, idempotencyKey("retry-1"));

        assertThat(retried.status()).isEqualTo(first.status());
        assertThat(retried.version()).isEqualTo(first.version()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT max(sequencenumber) FROM domainevententry WHERE aggregateidentifier = ?", Long.class, opened.id()))
                .isEqualTo(1);
    }

    /**
     * Events of the long case below. With the production snapshot interval (100) this crosses it twice, so the case is
     * snapshotted again as it grows and the load must start from the latest snapshot, not the first: the same trigger
     * and the same load as for a case of 1,000 events, which only repeats them more often (the bench measures such a
     * case's timings). 1,000 here cost ~45 s of the suite for nothing more.
     */
    private static final int LONG_CASE_EVENTS = 250;

    /**
     * A long case (as a case gets over the years) is snapshotted every 100 events; a replica that has not got it in
     * memory loads it from the last snapshot and the events since, and every rule holds as before. The snapshot is
     * sealed under the case's key: no text of the case is in the snapshot table in plain.
     */
    @Test
    void aLongCaseLoadsFromItsLatestSealedSnapshotAndItsRulesStillHold() {
        Response opened = api.post(BenchRequests.IB, "/api/cases", BenchRequests.opening("pupil-" + UUID.randomUUID()));
        String caseId = opened.id();
        CommandGateway gateway = context.getBean(CommandGateway.class);
        for (int i = 0; i < LONG_CASE_EVENTS - 1; i++) {
            gateway.sendAndWait(GenericCommandMessage.asCommandMessage(new ConsultColleague(caseId, null, BenchRequests.IB, Instant.now(),
                    BenchRequests.colleagueConsultation())).andMetaData(CommandAuthority.of(List.of("school-a"))));
        }
        Long snapshotAt = jdbc.queryForObject("SELECT max(sequencenumber) FROM snapshotevententry WHERE aggregateidentifier = ?", Long.class, caseId);
        assertThat(snapshotAt).as("snapshotted again as the case grew").isGreaterThanOrEqualTo(LONG_CASE_EVENTS - 100L);
        context.getBean(FreshAggregateCache.class).removeAll(); // as on a replica that never handled this case

        Response consulted = api.post(BenchRequests.IB, "/api/cases/" + caseId + "/colleague-consultations",
                BenchRequests.colleagueConsultation(), HttpApi.ifMatch(LONG_CASE_EVENTS - 1));

        assertThat(consulted.status()).as(consulted.body().toString()).isEqualTo(200);
        assertThat(consulted.version()).isEqualTo(LONG_CASE_EVENTS);
        // The snapshotter stores a snapshot after its command has committed, so one due at the case's last event may land
        // after the look-up above: the load starts after the snapshot seen there or after a later one, never before.
        assertThat(CommitCounter.lastHistoryReadFrom()).as("read from the latest snapshot on, not from the opening")
                .isBetween(snapshotAt + 1, (long) LONG_CASE_EVENTS);
        context.getBean(FreshAggregateCache.class).removeAll();
        assertThat(api.post(BenchRequests.IB, "/api/cases/" + caseId + "/colleague-consultations", BenchRequests.colleagueConsultation(),
                HttpApi.ifMatch(LONG_CASE_EVENTS - 1)).status()).isEqualTo(409);
        context.getBean(FreshAggregateCache.class).removeAll();
        var beforeTheOpening = new ColleagueConsultation(Instant.now().minus(Duration.ofDays(30)), "lk-gijs", "leerkracht",
                "De signalen.", SameSignals.YES, "Thuissituatie.");
        assertThat(api.post(BenchRequests.IB, "/api/cases/" + caseId + "/colleague-consultations", beforeTheOpening).status()).isEqualTo(422);
        Response timeline = api.get(BenchRequests.IB, "/api/cases/" + caseId + "/timeline");
        assertThat(timeline.body().path("entries")).as("the timeline holds every event, also those before the latest snapshot")
                .hasSize(LONG_CASE_EVENTS + 1);
        assertThat(timeline.body().path("entries").get(0).path("type").asText()).isEqualTo("CaseOpened");
        Response state = api.get(BenchRequests.IB, "/api/cases/" + caseId);
        assertThat(state.body().path("version").asLong()).isEqualTo(LONG_CASE_EVENTS);
        List<String> snapshots = jdbc.queryForList("SELECT convert_from(payload, 'UTF8') FROM snapshotevententry WHERE aggregateidentifier = ?",
                String.class, caseId);
        assertThat(snapshots).isNotEmpty().allSatisfy(snapshot -> assertThat(snapshot)
                .startsWith("msp-enc:v1:")
                .doesNotContain("Blauwe plekken", "leerkracht van het broertje", "Thuissituatie", "pupil-"));
    }

    private static void ok(Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
    }

    @Test
    void everyCommandCommitsExactlyOneTransactionWithItsKeyItsEventsItsIndexAndItsIdempotencyRecord() {
        // warm-up: the first command of a service loads caches (staff, keys) that are not per command
        api.post(BenchRequests.IB, "/api/cases", BenchRequests.opening("pupil-" + UUID.randomUUID()));

        long before = CommitCounter.requestCommits();
        int commands = 0;
        for (int i = 0; i < 5; i++) {
            Response opened = api.post(BenchRequests.IB, "/api/cases", BenchRequests.opening("pupil-" + UUID.randomUUID()),
                    idempotencyKey(UUID.randomUUID().toString()));
            assertThat(opened.status()).isEqualTo(201);
            Response consulted = api.post(BenchRequests.IB, "/api/cases/" + opened.id() + "/colleague-consultations",
                    BenchRequests.colleagueConsultation(), idempotencyKey(UUID.randomUUID().toString()));
            assertThat(consulted.status()).as(consulted.body().toString()).isEqualTo(200);
            commands += 2;
        }
        long commits = CommitCounter.requestCommits() - before;

        assertThat(commits).as("commits on the request path for %d commands", commands).isEqualTo(commands);
    }
}
