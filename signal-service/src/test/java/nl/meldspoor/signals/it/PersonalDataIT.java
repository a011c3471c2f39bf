package nl.meldspoor.signals.it;

import nl.meldspoor.platform.access.AccessLog;
import org.axonframework.messaging.timeout.HandlerTimeoutHandlerEnhancerDefinition;
import org.axonframework.springboot.autoconfig.AxonTimeoutAutoConfiguration;
import org.springframework.context.ApplicationContext;
import nl.meldspoor.platform.privacy.ServiceCredentials;
import nl.meldspoor.platform.testing.Eventually;
import nl.meldspoor.platform.testing.security.TestIssuerProperties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.http.HttpHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.EventHeaders;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.common.Topics;
import nl.meldspoor.api.meldcase.CaseClosed;
import nl.meldspoor.api.meldcase.CaseOpened;
import nl.meldspoor.api.meldcase.CaseOutcome;
import nl.meldspoor.api.meldcase.CaseTeam;
import nl.meldspoor.api.meldcase.Closure;
import nl.meldspoor.api.common.SchoolFact;
import nl.meldspoor.platform.testing.PublishedRecords;
import nl.meldspoor.signals.caseholds.CaseHolds;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import nl.meldspoor.api.signal.Escalation;
import nl.meldspoor.api.signal.InformationOrigin;
import nl.meldspoor.api.signal.SignalCategory;
import nl.meldspoor.api.signal.SignalRecording;
import nl.meldspoor.api.signal.Statement;
import nl.meldspoor.api.signal.StatementKind;
import nl.meldspoor.engines.kafka.EmbeddedKafkaBroker;
import nl.meldspoor.platform.privacy.EncryptedText;
import nl.meldspoor.platform.privacy.PersonalDataSerializer;
import nl.meldspoor.platform.privacy.RetentionSchedule;
import nl.meldspoor.platform.security.StaffDirectory;
import nl.meldspoor.platform.testing.HttpApi;
import nl.meldspoor.platform.testing.HttpApi.Response;
import nl.meldspoor.platform.testing.TestPostgres;
import nl.meldspoor.platform.testing.TopicRecords;
import nl.meldspoor.platform.testing.security.TestStaff;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Crypto-shredding end to end in the signal-service (DOMAIN.md §7): a signal's text is sealed in the
 * event store and on Kafka, opened only for staff who may read it, and unreadable everywhere once the
 * retention period (here: none) has passed and the key is deleted — while the facts stay.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {
        "meldspoor.embedded.kafka.data-directory=target/embedded-kafka-personal-data",
        "meldspoor.retention.pupil-file=P0D",
        "meldspoor.retention.meldcode-case=P0D",
        "meldspoor.personal-data.key-encryption-key=" + PersonalDataIT.KEY_ENCRYPTION_KEY})
class PersonalDataIT {

    private static final Actor TEACHER = new Actor("lk-eva", Role.TEACHER);
    private static final Actor OTHER_TEACHER = new Actor("lk-piet", Role.TEACHER);
    private static final Actor IB = new Actor("ib-anna", Role.CARE_COORDINATOR);
    private static final Actor IB_OTHER_SCHOOL = new Actor("ib-zoe", Role.CARE_COORDINATOR);
    private static final Actor CLUSTER_DIRECTOR = new Actor("cd-noor", Role.CLUSTER_DIRECTOR);
    private static final Actor PRINCIPAL = new Actor("dir-carla", Role.PRINCIPAL);
    private static final Actor PAIRED_ADVISOR = new Actor("af-bram", Role.ADVISOR);
    private static final Actor OTHER_ADVISOR = new Actor("af-otto", Role.ADVISOR);
    static final String KEY_ENCRYPTION_KEY = TestPostgres.TEST_KEY_ENCRYPTION_KEY;
    private static final String IDENTIFYING = "Daan de Vries vertelde dat zijn stiefvader hem met de riem slaat";
    private static final Pattern SEALED = Pattern.compile(Pattern.quote(EncryptedText.PREFIX) + "[^\"]+");

    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private ObjectMapper json;
    @Autowired
    private EmbeddedKafkaBroker broker;
    @Autowired
    private StaffDirectory directory;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private RetentionSchedule retention;
    @Autowired
    private CaseHolds caseHolds;
    private HttpApi api;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.registerFreshDatabase(registry);
    }

    @BeforeEach
    void setUp() {
        api = new HttpApi(rest, json);
        new TestStaff(directory).grant(TEACHER, "school-a").grant(OTHER_TEACHER, "school-a").grant(IB, "school-a").grant(IB_OTHER_SCHOOL, "school-b")
                .grant(CLUSTER_DIRECTOR, "cluster-noord").grant(PRINCIPAL, "school-a").grant(PAIRED_ADVISOR, "school-b")
                .grant(OTHER_ADVISOR, "school-b");
    }

    private static SignalRecording recording(String text) {
        return new SignalRecording("school-a", null, Instant.now().minus(Duration.ofHours(2)), "gymzaal", "na de gymles in de kleedkamer",
                List.of(new Statement(text, StatementKind.FACT, InformationOrigin.OWN_OBSERVATION, null)),
                List.of("M.K."), SignalCategory.HOME_SITUATION, Set.of(), List.of());
    }

    /** A pupil registered at school-a: signals are recorded only for pupils the school registered. */
    private String pupil() {
        return api.post(IB, "/api/schools/school-a/pupils", java.util.Map.of("givenName", "Daan",
                "familyName", "Test-" + UUID.randomUUID().toString().substring(0, 6), "birthDate", "2017-03-02", "group", 4)).body().path("pupilRef").asText();
    }

    private List<String> storedPayloads(String pupil) {
        return jdbc.queryForList("SELECT payload FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber", byte[].class, pupil)
                .stream().map(payload -> new String(payload, StandardCharsets.UTF_8)).toList();
    }

    private static Set<String> sealedTexts(String json) {
        Matcher matcher = SEALED.matcher(json);
        Set<String> sealed = new java.util.LinkedHashSet<>();
        while (matcher.find()) {
            sealed.add(matcher.group());
        }
        return sealed;
    }

    @Autowired
    private ApplicationContext context;

    @Test
    void commandAndEventHandlersRunWithoutAxonsTimeoutWrappersWhichCaptureTheWholeStackOnEveryInvocation() {
        assertThat(context.getBeanNamesForType(AxonTimeoutAutoConfiguration.class)).isEmpty();
        assertThat(context.getBeanNamesForType(HandlerTimeoutHandlerEnhancerDefinition.class)).isEmpty();
    }

    @Test
    void theTextIsSealedInTheEventStoreAndOnKafkaAndReadableForTheSchool() {
        String pupil = pupil();
        assertThat(api.post(TEACHER, "/api/pupils/" + pupil + "/signals", recording(IDENTIFYING)).status()).isEqualTo(201);

        String stored = storedPayloads(pupil).get(0);
        assertThat(stored).doesNotContain("Daan", "stiefvader", "kleedkamer", "gymzaal", "M.K.").contains("HOME_SITUATION");
        assertThat(sealedTexts(stored)).as("place, situation, statement and the initials of others present").hasSize(4);
        ConsumerRecord<String, byte[]> published = TopicRecords.keyed(broker.bootstrapServers(), Topics.SIGNAL_EVENTS, pupil, 1).get(0);
        String onKafka = new String(published.value(), StandardCharsets.UTF_8);
        assertThat(onKafka).doesNotContain("Daan", "stiefvader", "kleedkamer", "gymzaal", "M.K.");
        assertThat(sealedTexts(onKafka)).as("Kafka carries what was stored").isEqualTo(sealedTexts(stored));

        JsonNode file = api.get(IB, "/api/pupils/" + pupil + "/signals").body();
        assertThat(file.path("signals").get(0).path("original").path("statements").get(0).path("text").asText()).isEqualTo(IDENTIFYING);
        assertThat(jdbc.queryForObject("SELECT octet_length(secret) FROM personal_data_key WHERE record_id = ?", Integer.class, pupil))
                .as("the record key is stored wrapped by the key-encryption key, not as the 32-byte key itself").isGreaterThan(32);
    }

    @Test
    void aSealedTextIsOpenedOnlyForStaffOfItsSchool() {
        String pupil = pupil();
        api.post(TEACHER, "/api/pupils/" + pupil + "/signals", recording(IDENTIFYING));
        List<String> sealed = List.copyOf(sealedTexts(storedPayloads(pupil).get(0)));

        JsonNode forIb = api.openings(IB, sealed).body();
        JsonNode forOtherSchool = api.openings(IB_OTHER_SCHOOL, sealed).body();
        JsonNode forClusterDirector = api.openings(CLUSTER_DIRECTOR, sealed).body();

        assertThat(forIb.findValuesAsText("state")).containsOnly("OPEN");
        assertThat(forIb.findValuesAsText("text")).contains(IDENTIFYING, "gymzaal");
        assertThat(forOtherSchool.findValuesAsText("state")).containsOnly("NOT_PERMITTED");
        assertThat(forClusterDirector.findValuesAsText("state")).containsOnly("NOT_PERMITTED");
        assertThat(forOtherSchool.toString() + forClusterDirector).doesNotContain("Daan");
        assertThat(api.postAnonymously("/api/personal-data/openings", Map.of("texts", sealed)).status()).isEqualTo(401);
    }

    @Test
    void aPersonsTokenAloneOpensNothingEvenAValidStaffToken() {
        String pupil = pupil();
        api.post(TEACHER, "/api/pupils/" + pupil + "/signals", recording(IDENTIFYING));
        List<String> sealed = List.copyOf(sealedTexts(storedPayloads(pupil).get(0)));
        HttpHeaders wrongSecret = new HttpHeaders();
        wrongSecret.set(ServiceCredentials.HEADER, "reporting-service:geraden");
        HttpHeaders unknownService = new HttpHeaders();
        unknownService.set(ServiceCredentials.HEADER, "browser:" + TestIssuerProperties.SERVICE_CREDENTIAL);

        for (HttpHeaders credential : List.of(new HttpHeaders(), wrongSecret, unknownService)) {
            HttpApi.Response direct = api.post(TEACHER, "/api/personal-data/openings", Map.of("texts", sealed), credential);
            assertThat(direct.status()).isEqualTo(403);
            assertThat(direct.rule()).isEqualTo("SERVICE_CREDENTIAL_REQUIRED");
            assertThat(direct.body().toString()).doesNotContain("Daan");
        }
        assertThat(api.post(IB, "/api/personal-data/openings", Map.of("texts", sealed)).rule()).isEqualTo("SERVICE_CREDENTIAL_REQUIRED");
        assertThat(api.openings(TEACHER, sealed).body().findValuesAsText("state")).containsOnly("OPEN");
    }

    /** The pupil-file read rule: a teacher reads the signals they recorded, not a colleague's. Before, any teacher of the school opened every text. */
    @Test
    void aTeacherHasOnlyTheTextsOfSignalsTheyMayReadOpenedForThem() {
        String pupil = pupil();
        api.post(TEACHER, "/api/pupils/" + pupil + "/signals", recording(IDENTIFYING));
        List<String> sealed = List.copyOf(sealedTexts(storedPayloads(pupil).get(0)));

        JsonNode forColleague = api.openings(OTHER_TEACHER, sealed).body();

        assertThat(forColleague.findValuesAsText("state")).containsOnly("NOT_PERMITTED");
        assertThat(forColleague.toString()).doesNotContain("Daan", "gymzaal");
        assertThat(api.get(OTHER_TEACHER, "/api/pupils/" + pupil + "/signals").status()).as("the read rule it follows").isEqualTo(403);
        assertThat(api.openings(TEACHER, sealed).body().findValuesAsText("text")).contains(IDENTIFYING);
    }

    @Test
    void anOpeningIsWrittenToTheSchoolsAccessLogLikeARead() {
        String pupil = pupil();
        api.post(TEACHER, "/api/pupils/" + pupil + "/signals", recording(IDENTIFYING));
        List<String> sealed = List.copyOf(sealedTexts(storedPayloads(pupil).get(0)));
        HttpHeaders headers = HttpApi.serviceCredential("reporting-service");
        headers.set(AccessLog.PURPOSE_HEADER, "CARE_COORDINATION");

        assertThat(api.post(IB, "/api/personal-data/openings", Map.of("texts", sealed), headers).body().findValuesAsText("state"))
                .containsOnly("OPEN");

        JsonNode viewed = accessRecordOf(record -> pupil.equals(record.path("recordId").asText())
                && IB.personId().equals(record.path("actor").path("personId").asText()));
        assertThat(viewed.path("schoolId").asText()).isEqualTo("school-a");
        assertThat(viewed.path("kind").asText()).isEqualTo("PUPIL_SIGNALS");
        assertThat(viewed.path("purpose").asText()).isEqualTo("CARE_COORDINATION");
        assertThat(viewed.path("actor").path("role").asText()).isEqualTo("CARE_COORDINATOR");
    }

    /** The first access record of school-a matching the condition, polled from the access-log topic. */
    private JsonNode accessRecordOf(java.util.function.Predicate<JsonNode> condition) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.ACCESS_LOG));
            List<JsonNode> received = new java.util.ArrayList<>();
            return Eventually.within(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    received.add(json.readTree(record.value()));
                }
                return received.stream().filter(condition).findFirst().orElse(null);
            }, found -> found != null);
        }
    }

    @Test
    void signalsEscalatedIntoACaseAreOpenedForTheAdvisorOfThePairedSchoolNamedInTheCaseTeam() {
        String pupil = pupil();
        String signal = api.post(TEACHER, "/api/pupils/" + pupil + "/signals", recording(IDENTIFYING)).body().path("signalId").asText();
        List<String> sealed = List.copyOf(sealedTexts(storedPayloads(pupil).get(0)));
        assertThat(api.openings(PAIRED_ADVISOR, sealed).body().findValuesAsText("state"))
                .as("not before the escalation").containsOnly("NOT_PERMITTED");

        api.post(IB, "/api/pupils/" + pupil + "/escalations", new Escalation("school-a", List.of(signal),
                new CaseTeam(IB.personId(), PAIRED_ADVISOR.personId(), "school-b", PRINCIPAL.personId()), "Zorgen over Daan thuis."));

        // The concern was stored and published in plain before SignalsEscalated revision 2.
        String escalated = storedPayloads(pupil).get(1);
        assertThat(escalated).doesNotContain("Zorgen over Daan");
        String escalatedOnKafka = new String(TopicRecords.keyed(broker.bootstrapServers(), Topics.SIGNAL_EVENTS, pupil, 2).get(1).value(),
                StandardCharsets.UTF_8);
        assertThat(escalatedOnKafka).doesNotContain("Zorgen over Daan");
        List<String> concern = List.copyOf(sealedTexts(escalated));
        assertThat(api.openings(PAIRED_ADVISOR, concern).body().findValuesAsText("text"))
                .as("the paired advisor of the case reads the concern").contains("Zorgen over Daan thuis.");

        assertThat(api.openings(PAIRED_ADVISOR, sealed).body().findValuesAsText("state"))
                .containsOnly("OPEN");
        assertThat(api.openings(OTHER_ADVISOR, sealed).body().findValuesAsText("state"))
                .containsOnly("NOT_PERMITTED");
    }

    @Test
    void afterTheRetentionPeriodTheTextIsUnreadableEverywhereWhileTheFactsStay() {
        String pupil = pupil();
        String erasedSignal = api.post(TEACHER, "/api/pupils/" + pupil + "/signals", recording(IDENTIFYING)).body().path("signalId").asText();
        List<String> sealed = List.copyOf(sealedTexts(storedPayloads(pupil).get(0)));

        assertThat(retention.eraseDue()).isPositive();

        JsonNode signal = api.get(IB, "/api/pupils/" + pupil + "/signals").body().path("signals").get(0);
        assertThat(signal.path("original").path("statements").get(0).path("text").asText()).isEqualTo(PersonalDataSerializer.ERASED);
        assertThat(signal.path("original").path("situation").asText()).isEqualTo(PersonalDataSerializer.ERASED);
        assertThat(signal.path("original").path("category").asText()).isEqualTo("HOME_SITUATION");
        assertThat(api.openings(IB, sealed).body().findValuesAsText("state")).containsOnly("ERASED");
        assertThat(storedPayloads(pupil).get(0)).as("the immutable log is intact, only unreadable").contains(sealed.get(0));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM personal_data_key WHERE record_id = ? AND secret IS NOT NULL", Integer.class, pupil))
                .isZero();
        List<ConsumerRecord<String, byte[]>> published = TopicRecords.keyed(broker.bootstrapServers(), Topics.SIGNAL_EVENTS, pupil, 2);
        assertThat(published).extracting(record -> TopicRecords.header(record, EventHeaders.EVENT_TYPE))
                .containsExactly("nl.meldspoor.api.signal.SignalRecorded", "nl.meldspoor.api.signal.PupilFileTextErased");

        String later = "Daan komt opnieuw met striemen op de rug";
        api.post(TEACHER, "/api/pupils/" + pupil + "/signals", recording(later));
        JsonNode texts = api.get(IB, "/api/pupils/" + pupil + "/signals").body().path("signals");
        assertThat(texts.get(0).path("original").path("statements").get(0).path("text").asText()).isEqualTo(PersonalDataSerializer.ERASED);
        assertThat(texts.get(1).path("original").path("statements").get(0).path("text").asText()).as("new text gets a new key").isEqualTo(later);

        // the file in the service's aggregate cache had the text open when it was erased: escalating the erased signal
        // must not copy that text into the new case, sealed under the new key
        api.post(IB, "/api/pupils/" + pupil + "/escalations", new Escalation("school-a", List.of(erasedSignal),
                new CaseTeam(IB.personId(), PAIRED_ADVISOR.personId(), "school-b", PRINCIPAL.personId()), "Zorgen over Daan thuis."));
        List<String> payloads = storedPayloads(pupil);
        JsonNode escalatedSignal = readTree(payloads.get(payloads.size() - 1)).path("signals").get(0).path("content");
        assertThat(escalatedSignal.path("statements").get(0).path("text").asText()).isEqualTo(PersonalDataSerializer.ERASED);
        assertThat(escalatedSignal.path("situation").asText()).isEqualTo(PersonalDataSerializer.ERASED);
    }

    private JsonNode readTree(String payload) {
        try {
            return json.readTree(payload);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void nothingIsErasedWhileTheRetentionPeriodRuns() {
        String pupil = pupil();
        api.post(TEACHER, "/api/pupils/" + pupil + "/signals", recording(IDENTIFYING));
        jdbc.update("UPDATE personal_data_key SET retention_from = ? WHERE record_id = ?", java.sql.Timestamp.from(Instant.now().plus(Duration.ofDays(1))), pupil);

        retention.eraseDue();

        assertThat(api.get(IB, "/api/pupils/" + pupil + "/signals").body().findValuesAsText("text")).containsOnly(IDENTIFYING);
    }

    private List<String> signalTexts(String pupil) {
        return api.get(IB, "/api/pupils/" + pupil + "/signals").body().findValuesAsText("text");
    }

    /** A case-service event on its topic, as the case-service publishes it. */
    private void publishCaseEvent(String caseId, long sequence, SchoolFact event) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(PublishedRecords.of(Topics.CASE_EVENTS, "MeldcodeCase", caseId, sequence, UUID.randomUUID().toString(), event)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The retention schedule's path: an escalated signal's text (sealed by this service, held in the case) stays while
     * the case is open — before the case-service's events arrive, and after — and is erased once the closed case's
     * retention period (here: none) has passed. On the old rule it was erased at the pupil file's retention.
     */
    @Test
    void aPupilFilesTextIsKeptWhileACaseHoldsItsSignalsAndErasedAfterTheClosedCasesRetentionPeriod() {
        String pupil = pupil();
        String signalId = api.post(TEACHER, "/api/pupils/" + pupil + "/signals", recording(IDENTIFYING)).body().path("signalId").asText();
        String caseId = api.post(IB, "/api/pupils/" + pupil + "/escalations", new Escalation("school-a", List.of(signalId),
                new CaseTeam(IB.personId(), "af-bram", "school-b", PRINCIPAL.personId()), "Zorgen over de thuissituatie.")).body()
                .path("caseId").asText();

        retention.eraseDue();
        assertThat(signalTexts(pupil)).as("escalated, the case not heard of yet: held").containsOnly(IDENTIFYING);

        publishCaseEvent(caseId, 0, new CaseOpened(caseId, "school-a", pupil, IB, Instant.now(), null));
        Eventually.within(Duration.ofSeconds(60)).until(() -> caseHolds.of(pupil, "school-a").size() == 1);
        retention.eraseDue();
        assertThat(signalTexts(pupil)).as("the case is open: held").containsOnly(IDENTIFYING);

        publishCaseEvent(caseId, 1, new CaseClosed(caseId, "school-a", pupil, IB, Instant.now(),
                new Closure(CaseOutcome.NO_SUSPICION, "Geen zorgen meer.", true, null)));
        Eventually.within(Duration.ofSeconds(60)).until(() -> caseHolds.of(pupil, "school-a").get(0).closedAt() != null);
        retention.eraseDue();
        assertThat(signalTexts(pupil)).as("closed, its retention period passed: erased").containsOnly(PersonalDataSerializer.ERASED);
    }
}
