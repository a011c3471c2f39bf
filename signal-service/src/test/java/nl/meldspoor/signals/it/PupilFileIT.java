package nl.meldspoor.signals.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.EventHeaders;
import nl.meldspoor.api.common.Identifiers;
import nl.meldspoor.api.common.Limits;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.common.Topics;
import nl.meldspoor.api.meldcase.CaseTeam;
import nl.meldspoor.api.signal.CorrectionAnswer;
import nl.meldspoor.api.signal.CorrectionRequest;
import nl.meldspoor.api.signal.Escalation;
import nl.meldspoor.api.signal.InformationOrigin;
import nl.meldspoor.api.signal.ParentView;
import nl.meldspoor.api.signal.SignalCategory;
import nl.meldspoor.api.signal.SignalContent;
import nl.meldspoor.api.signal.SignalCorrection;
import nl.meldspoor.api.signal.SignalFlag;
import nl.meldspoor.api.signal.SignalRecording;
import nl.meldspoor.api.signal.Statement;
import nl.meldspoor.api.signal.StatementKind;
import nl.meldspoor.engines.kafka.EmbeddedKafkaBroker;
import nl.meldspoor.platform.security.StaffDirectory;
import nl.meldspoor.platform.testing.Eventually;
import nl.meldspoor.platform.testing.HttpApi;
import nl.meldspoor.platform.testing.security.TestStaff;
import nl.meldspoor.platform.testing.HttpApi.Response;
import nl.meldspoor.platform.testing.IndexedLookUps;
import nl.meldspoor.platform.testing.TestPostgres;
import nl.meldspoor.platform.testing.TopicRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** The pupil's file of signals over HTTP, on the embedded PostgreSQL and Kafka. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "meldspoor.embedded.kafka.data-directory=target/embedded-kafka-pupil-file")
class PupilFileIT {

    private static final Actor TEACHER = new Actor("lk-eva", Role.TEACHER);
    private static final Actor IB = new Actor("ib-anna", Role.CARE_COORDINATOR);
    private static final Actor PRINCIPAL = new Actor("dir-carla", Role.PRINCIPAL);
    private static final Actor OTHER_TEACHER = new Actor("lk-olaf", Role.TEACHER);
    private static final Actor IB_OTHER_SCHOOL = new Actor("ib-zoe", Role.CARE_COORDINATOR);
    private static final Actor BOARD_OFFICER = new Actor("bo-1", Role.BOARD_OFFICER);
    private static final Actor CLUSTER_DIRECTOR = new Actor("cd-noor", Role.CLUSTER_DIRECTOR);

    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private ObjectMapper json;
    @Autowired
    private EmbeddedKafkaBroker broker;
    @Autowired
    private StaffDirectory directory;
    @Autowired
    private org.springframework.jdbc.core.JdbcTemplate jdbc;
    private HttpApi api;
    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.registerFreshDatabase(registry);
    }

    @BeforeEach
    void setUp() {
        api = new HttpApi(rest, json);
        new TestStaff(directory).grant(TEACHER, "school-a").grant(IB, "school-a").grant(PRINCIPAL, "school-a")
                .grant(OTHER_TEACHER, "school-a").grant(IB_OTHER_SCHOOL, "school-b")
                .grantBoardWide(BOARD_OFFICER).grant(CLUSTER_DIRECTOR, "cluster-noord");
    }

    private static SignalRecording recording(String familyRef, String text, SignalFlag... flags) {
        return new SignalRecording("school-a", familyRef, Instant.now().minus(Duration.ofHours(2)), "speelplaats", "pauze",
                List.of(new Statement(text, StatementKind.FACT, InformationOrigin.OWN_OBSERVATION, null)),
                List.of("M.K."), SignalCategory.HOME_SITUATION, Set.of(flags), List.of());
    }

    private Response record(String pupilRef, SignalRecording recording) {
        return api.post(TEACHER, "/api/pupils/" + pupilRef + "/signals", recording);
    }

    /** A pupil registered at school-a: signals are recorded only for pupils the school registered. */
    private String pupil() {
        return pupil("school-a", IB, null);
    }

    private String pupil(String schoolId, Actor registrar, String familyRef) {
        Map<String, Object> identity = new java.util.HashMap<>(Map.of("givenName", "Kim", "familyName", "Test-" + UUID.randomUUID().toString().substring(0, 6),
                "birthDate", "2017-03-02", "group", 4));
        if (familyRef != null) {
            identity.put("familyRef", familyRef);
        }
        Response registered = api.post(registrar, "/api/schools/" + schoolId + "/pupils", identity);
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
        return registered.body().path("pupilRef").asText();
    }

    @Test
    void aCareCoordinatorsLookBackShowsTheSignalsOfThePupilAndOfRegisteredSiblingsAtTheRecordingSchoolOnlyAndIsLogged() {
        String family = "family-" + UUID.randomUUID();
        String pupil = pupil("school-a", IB, family);
        String sibling = pupil("school-a", IB, family);
        String siblingElsewhere = pupil("school-b", IB_OTHER_SCHOOL, family);
        String notASibling = pupil();
        Response siblings = record(sibling, recording(family, "Broertje komt vaak zonder ontbijt."));
        assertThat(api.post(IB_OTHER_SCHOOL, "/api/pupils/" + siblingElsewhere + "/signals", recordingAt("school-b", family)).status()).isEqualTo(201);
        assertThat(record(notASibling, recording(family, "Een familiekenmerk dat de recorder zelf koos.")).status()).isEqualTo(201);
        String signalAtOtherSchool = earlierSignalAtAnotherSchool(pupil);
        Response first = record(pupil, recording(family, "Blauwe plek op de arm."));

        Response second = api.post(IB, "/api/pupils/" + pupil + "/signals", recording(family, "Schrikt als de juf haar hand opsteekt."));

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.headers().getLocation()).hasToString("/api/pupils/" + pupil + "/signals/" + second.body().path("signalId").asText());
        JsonNode lookBack = second.body().path("lookBack");
        assertThat(lookBack.path("earlierSignals").findValuesAsText("signalId")).containsExactly(first.body().path("signalId").asText());
        assertThat(lookBack.path("siblingSignals").findValuesAsText("signalId")).as("registered siblings at this school only")
                .containsExactly(siblings.body().path("signalId").asText());
        assertThat(lookBack.path("earlierSignals").findValuesAsText("schoolId")).containsOnly("school-a");
        assertThat(second.body().toString()).doesNotContain(signalAtOtherSchool).doesNotContain("school-b").doesNotContain("Broertje");
        assertThat(second.body().path("urgentPath").asBoolean()).isFalse();
        assertThat(second.body().path("advice")).isEmpty();
        assertThat(accessLogRecordsAtSchoolA(IB, pupil, sibling)).as("the look-up is a logged read of both pupils' signals")
                .containsOnly("PUPIL_SIGNALS");
    }

    /**
     * At a board's size (30,000 pupils in the registry, 60,000 signals) every look-up a recording makes in the registry and
     * the signal index uses an index, in the plan for the literal values and in the generic plan; the siblings' by family —
     * until the signal-service's write-path probe found it they read every pupil the school ever registered, for every signal.
     */
    @Test
    void theIntakesLookUpsUseAnIndexNeverASequentialScan() {
        List<String> boardSize = List.of("""
                INSERT INTO pupil_registry (pupil_ref, school_id, given_name, family_name, birth_date, school_group, family_ref, registered_by, registered_at)
                SELECT 'lln-bench-' || n, 'school-' || (n % 100), 'Kim', 'Test', DATE '2017-03-02', 4, 'family-' || (n / 2), 'ib-anna', now()
                FROM generate_series(1, 30000) n""", """
                INSERT INTO signal_index (signal_id, pupil_ref, family_ref, school_id, observed_at, recorded_at, category, urgent)
                SELECT 'sig-bench-' || n, 'lln-bench-' || (n % 30000), 'family-' || ((n % 30000) / 2), 'school-' || (n % 100), now(), now(), 'HOME_SITUATION', FALSE
                FROM generate_series(1, 60000) n""",
                "ANALYZE pupil_registry", "ANALYZE signal_index");
        Map<String, String> intake = new LinkedHashMap<>();
        intake.put("registered at the school", "SELECT count(*) FROM pupil_registry WHERE pupil_ref = $1 AND school_id = $2 AND erased_at IS NULL");
        intake.put("siblings at the school", """
                SELECT sibling.pupil_ref FROM pupil_registry pupil
                JOIN pupil_registry sibling ON sibling.family_ref = pupil.family_ref AND sibling.school_id = pupil.school_id
                WHERE pupil.pupil_ref = $1 AND pupil.school_id = $2 AND sibling.pupil_ref <> pupil.pupil_ref
                ORDER BY sibling.pupil_ref""");
        intake.put("the pupil's earlier signals", "SELECT * FROM signal_index WHERE pupil_ref = $1 AND school_id = $2 AND signal_id <> $3 ORDER BY observed_at DESC");
        intake.put("the siblings' signals", "SELECT * FROM signal_index WHERE school_id = $2 AND pupil_ref IN ($1, $4) ORDER BY observed_at DESC");

        Map<String, String> plans = IndexedLookUps.assertEachUsesAnIndex(jdbc, boardSize, "(varchar, varchar, varchar, varchar)",
                "('lln-bench-4242', 'school-42', 'sig-bench-1', 'lln-bench-4243')", intake);

        assertThat(plans.get("siblings at the school")).as("by family, not every pupil of the school by name")
                .contains("pupil_registry_family_school").doesNotContain("pupil_registry_school_name");
    }

    @Test
    void twoTeachersRecordingAPupilsFirstSignalsAtOnceBothKeepTheirSignal() throws Exception {
        // the file is created by its first signal: both commands would create it, and the one that loses the race is retried
        for (int round = 0; round < 5; round++) {
            String pupil = pupil();
            List<Response> sent = HttpApi.concurrently(
                    () -> record(pupil, recording(null, "Blauwe plek op de arm.")),
                    () -> api.post(OTHER_TEACHER, "/api/pupils/" + pupil + "/signals", recording(null, "Schrikt van harde geluiden.")));

            for (Response answer : sent) {
                assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
            }
            JsonNode file = api.get(IB, "/api/pupils/" + pupil + "/signals").body();
            assertThat(file.path("signals").findValuesAsText("signalId")).containsExactlyInAnyOrder(
                    sent.get(0).body().path("signalId").asText(), sent.get(1).body().path("signalId").asText());
        }
    }

    @Test
    void aTeacherLearnsOnlyThatThereIsHistoryAndWhomToTalkToNotWhatItIs() {
        String family = "family-" + UUID.randomUUID();
        String pupil = pupil("school-a", IB, family);
        String sibling = pupil("school-a", IB, family);
        String siblingSignal = api.post(OTHER_TEACHER, "/api/pupils/" + sibling + "/signals", recording(family, "Komt vaak zonder ontbijt."))
                .body().path("signalId").asText();
        String earlier = api.post(OTHER_TEACHER, "/api/pupils/" + pupil + "/signals", recording(family, "Blauwe plek op de arm."))
                .body().path("signalId").asText();
        String escalated = api.post(IB, "/api/pupils/" + pupil + "/escalations", new Escalation("school-a", List.of(earlier),
                new CaseTeam(IB.personId(), "af-bram", "school-b", PRINCIPAL.personId()), "Herhaalde blauwe plekken.")).body().path("caseId").asText();

        Response recorded = record(pupil, recording(family, "Schrikt als de juf haar hand opsteekt."));

        assertThat(recorded.status()).isEqualTo(201);
        JsonNode lookBack = recorded.body().path("lookBack");
        assertThat(lookBack.path("hasEarlierSignals").asBoolean()).isTrue();
        assertThat(lookBack.path("hasSiblingSignals").asBoolean()).isTrue();
        assertThat(lookBack.path("talkTo").asText()).contains("intern begeleider");
        assertThat(lookBack.path("earlierSignals").isNull()).isTrue();
        assertThat(lookBack.path("siblingSignals").isNull()).isTrue();
        assertThat(recorded.body().toString()).as("no ids, categories or case ids of signals the teacher may not read")
                .doesNotContain(earlier).doesNotContain(siblingSignal).doesNotContain(escalated).doesNotContain("HOME_SITUATION").doesNotContain(sibling);
        assertThat(accessLogRecordsAtSchoolA(TEACHER, pupil)).containsOnly("PUPIL_SIGNALS");

        Response firstOfAnother = record(pupil(), recording(null, "Eerste signaal."));
        assertThat(firstOfAnother.body().path("lookBack").path("hasEarlierSignals").asBoolean()).isFalse();
        assertThat(firstOfAnother.body().path("lookBack").path("talkTo").isNull()).as("nothing to talk about yet").isTrue();
    }

    @Test
    void theLookBackWhileChoosingThePupilTellsATeacherOnlyWhomToTalkToAndIsLoggedBeforeAnythingIsRecorded() {
        String family = "family-" + UUID.randomUUID();
        String pupil = pupil("school-a", IB, family);
        String sibling = pupil("school-a", IB, family);
        String earlier = api.post(OTHER_TEACHER, "/api/pupils/" + pupil + "/signals", recording(family, "Blauwe plek op de arm."))
                .body().path("signalId").asText();
        String siblingSignal = api.post(OTHER_TEACHER, "/api/pupils/" + sibling + "/signals", recording(family, "Komt vaak zonder ontbijt."))
                .body().path("signalId").asText();
        String path = "/api/schools/school-a/pupils/" + pupil + "/look-back";

        Response teacher = api.get(TEACHER, path);

        assertThat(teacher.status()).isEqualTo(200);
        assertThat(teacher.body().path("hasEarlierSignals").asBoolean()).isTrue();
        assertThat(teacher.body().path("hasSiblingSignals").asBoolean()).isTrue();
        assertThat(teacher.body().path("talkTo").asText()).contains("intern begeleider");
        assertThat(teacher.body().path("earlierSignals").isNull()).isTrue();
        assertThat(teacher.body().toString()).as("nothing of the other teacher's signals but that they exist")
                .doesNotContain(earlier).doesNotContain(siblingSignal).doesNotContain("HOME_SITUATION").doesNotContain("Blauwe plek");
        assertThat(accessLogRecordsAtSchoolA(TEACHER, pupil)).as("the look-up is a logged read, though nothing was recorded")
                .containsOnly("PUPIL_SIGNALS");

        Response ib = api.get(IB, path);
        assertThat(ib.body().path("earlierSignals").findValuesAsText("signalId")).as("nothing left out before saving").containsExactly(earlier);
        assertThat(ib.body().path("siblingSignals").findValuesAsText("signalId")).containsExactly(siblingSignal);
        assertThat(ib.body().toString()).doesNotContain("Blauwe plek");

        Response otherSchool = api.get(IB_OTHER_SCHOOL, path);
        Response ownSchoolOtherPupil = api.get(IB_OTHER_SCHOOL, "/api/schools/school-b/pupils/" + pupil + "/look-back");
        Response cluster = api.get(CLUSTER_DIRECTOR, path);
        Response board = api.get(BOARD_OFFICER, path);
        assertThat(List.of(otherSchool.rule(), ownSchoolOtherPupil.rule(), cluster.rule(), board.rule()))
                .containsExactly("NOT_YOUR_SCHOOL", "PUPIL_NOT_REGISTERED_AT_SCHOOL", "AGGREGATES_ONLY", "AGGREGATES_ONLY");
        assertThat(List.of(otherSchool.status(), ownSchoolOtherPupil.status(), cluster.status(), board.status()))
                .containsExactly(403, 422, 403, 403);
        for (Response refused : List.of(otherSchool, ownSchoolOtherPupil, cluster, board)) {
            assertThat(refused.body().toString()).doesNotContain(earlier).doesNotContain("hasEarlierSignals");
        }
    }

    @Test
    void aSignalIsRecordedOnlyForAPupilRegisteredAtThatSchoolAndARefusalStoresNothing() {
        String unregistered = "pupil-" + UUID.randomUUID().toString().substring(0, 8);
        String atOtherSchool = pupil("school-b", IB_OTHER_SCHOOL, null);
        String erased = pupil();
        assertThat(api.delete(PRINCIPAL, "/api/pupils/" + erased + "/identity").status()).isEqualTo(204);

        for (String pupil : List.of(unregistered, atOtherSchool, erased)) {
            Response refused = record(pupil, recording(null, "Blauwe plek."));
            assertThat(refused.status()).as(pupil).isEqualTo(422);
            assertThat(refused.rule()).isEqualTo("PUPIL_NOT_REGISTERED_AT_SCHOOL");
            assertThat(refused.body().path("errors").findValuesAsText("field")).containsExactly("pupilRef");
            assertThat(api.get(IB, "/api/pupils/" + pupil + "/signals").status()).as("nothing stored").isEqualTo(404);
        }
        Response outsider = api.post(IB_OTHER_SCHOOL, "/api/pupils/" + unregistered + "/signals", recording(null, "Blauwe plek."));
        assertThat(outsider.rule()).as("only the school's own staff learn whether a reference is registered there").isEqualTo("NOT_YOUR_SCHOOL");
        assertThat(api.post(IB_OTHER_SCHOOL, "/api/pupils/" + atOtherSchool + "/signals", recordingAt("school-b", null)).status())
                .as("at its own school the pupil's signal is recorded").isEqualTo(201);
    }

    private static SignalRecording recordingAt(String schoolId, String familyRef) {
        return new SignalRecording(schoolId, familyRef, Instant.now().minus(Duration.ofHours(3)), "gang", "overblijven",
                List.of(new Statement("Huilt bij het ophalen.", StatementKind.FACT, InformationOrigin.OWN_OBSERVATION, null)),
                List.of(), SignalCategory.SOCIAL_EMOTIONAL, Set.of(), List.of());
    }

    /**
     * A signal the pupil got at another school before, as the index holds it (a pupil moves; their file keeps both
     * schools' parts). Written into the index directly, because today's recording refuses a pupil of another school.
     */
    private String earlierSignalAtAnotherSchool(String pupil) {
        String signalId = UUID.randomUUID().toString();
        jdbc.update("""
                INSERT INTO signal_index (signal_id, pupil_ref, family_ref, school_id, observed_at, recorded_at, category, urgent, escalated_to_case)
                VALUES (?, ?, NULL, 'school-b', now() - interval '400 days', now() - interval '400 days', 'BULLYING', TRUE, 'case-at-school-b')""",
                signalId, pupil);
        return signalId;
    }

    /** The kinds of access-log records at school-a for these pupils by this person, once one per pupil has arrived. */
    private List<String> accessLogRecordsAtSchoolA(Actor reader, String... pupils) {
        List<JsonNode> records = Eventually.within(Duration.ofSeconds(60)).until(() -> TopicRecords.keyed(broker.bootstrapServers(), Topics.ACCESS_LOG, "school-a", 1)
                .stream().map(record -> read(record.value()))
                .filter(viewed -> viewed.path("actor").path("personId").asText().equals(reader.personId()))
                .filter(viewed -> List.of(pupils).contains(viewed.path("recordId").asText()))
                .toList(), found -> found.stream().map(viewed -> viewed.path("recordId").asText()).distinct().count() == pupils.length);
        return records.stream().map(viewed -> viewed.path("kind").asText()).toList();
    }

    private JsonNode read(byte[] value) {
        try {
            return json.readTree(value);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aDisclosureAnswersWithTheUrgentPath() {
        Response urgent = record(pupil(), recording(null, "Zegt dat papa haar slaat.", SignalFlag.DISCLOSURE));

        assertThat(urgent.body().path("urgentPath").asBoolean()).isTrue();
        assertThat(urgent.body().path("advice").toString()).contains("Veilig Thuis").contains("niet eerst een gesprek met de ouders");
    }

    /** UI.md §4: marks on the body map are stored with the signal as structured data and read back with the file. */
    @Test
    void marksOnTheBodyMapAreRecordedWithTheSignalAndReadBackWithTheFile() {
        String pupil = pupil();
        SignalRecording plain = recording(null, "Zegt dat papa haar slaat.", SignalFlag.DISCLOSURE);
        nl.meldspoor.api.signal.BodyMark arm = new nl.meldspoor.api.signal.BodyMark(nl.meldspoor.api.signal.BodyRegion.ARM,
                nl.meldspoor.api.signal.BodyView.FRONT, nl.meldspoor.api.signal.BodySide.LEFT, nl.meldspoor.api.signal.InjuryKind.BRUISE, 4.5,
                nl.meldspoor.api.signal.InjuryColour.BLUE, "Vier ronde plekken op een rij.");
        SignalRecording withMarks = new SignalRecording(plain.schoolId(), plain.familyRef(), plain.observedAt(), plain.place(), plain.situation(),
                plain.statements(), plain.othersPresent(), plain.category(), plain.flags(), plain.indicatorCodes(), List.of(arm));

        Response recorded = record(pupil, withMarks);
        assertThat(recorded.status()).as(recorded.body().toString()).isEqualTo(201);

        JsonNode mark = api.get(IB, "/api/pupils/" + pupil + "/signals").body().path("signals").get(0).path("bodyMap").get(0);
        assertThat(mark.path("region").asText()).isEqualTo("ARM");
        assertThat(mark.path("side").asText()).isEqualTo("LEFT");
        assertThat(mark.path("sizeCm").asDouble()).isEqualTo(4.5);
        assertThat(mark.path("description").asText()).isEqualTo("Vier ronde plekken op een rij.");
    }

    @Test
    void anIncompleteMarkIsRefusedWithItsFieldNamedAndNothingIsStored() {
        String pupil = pupil();
        SignalRecording plain = recording(null, "Blauwe plek gezien bij het omkleden.");
        Response withoutSide = api.post(TEACHER, "/api/pupils/" + pupil + "/signals", recordingJsonWithMark(plain,
                "{\"region\":\"HAND\",\"view\":\"BACK\",\"kind\":\"BURN\"}"));
        assertThat(withoutSide.status()).isEqualTo(400);
        assertThat(withoutSide.rule()).isEqualTo("BODY_MARK_SIDE_REQUIRED");
        assertThat(withoutSide.body().path("errors").findValuesAsText("field")).containsExactly("bodyMap[0].side");
        assertThat(withoutSide.headers().getContentType()).hasToString("application/problem+json");

        Response withoutRegion = api.post(TEACHER, "/api/pupils/" + pupil + "/signals", recordingJsonWithMark(plain,
                "{\"view\":\"BACK\",\"kind\":\"BURN\",\"sizeCm\":500}"));
        assertThat(withoutRegion.status()).isEqualTo(400);
        assertThat(withoutRegion.body().path("errors").findValuesAsText("field")).contains("bodyMap[0].region", "bodyMap[0].sizeCm");

        Response unknownKind = api.post(TEACHER, "/api/pupils/" + pupil + "/signals", recordingJsonWithMark(plain,
                "{\"region\":\"HEAD\",\"view\":\"BACK\",\"kind\":\"PHOTO\"}"));
        assertThat(unknownKind.status()).isEqualTo(400);
        assertThat(api.get(IB, "/api/pupils/" + pupil + "/signals").status()).isEqualTo(404);
    }

    private String recordingJsonWithMark(SignalRecording recording, String mark) {
        try {
            com.fasterxml.jackson.databind.node.ObjectNode body = json.valueToTree(recording);
            body.set("bodyMap", json.readTree("[" + mark + "]"));
            return body.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void badSignalsAreRefusedAndNothingIsStored() {
        String pupil = pupil();
        Response missing = api.post(TEACHER, "/api/pupils/" + pupil + "/signals", "{\"schoolId\":\"school-a\",\"statements\":[]}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().path("errors").findValuesAsText("field")).contains("observedAt", "place", "situation", "category", "statements");

        SignalRecording hearsay = new SignalRecording("school-a", null, Instant.now().minusSeconds(60), "hek", "ophalen",
                List.of(new Statement("De buurvrouw hoorde geschreeuw.", StatementKind.FACT, InformationOrigin.THIRD_PARTY, null)),
                List.of(), SignalCategory.HOME_SITUATION, Set.of(), List.of());
        Response noSource = record(pupil, hearsay);
        assertThat(noSource.status()).isEqualTo(422);
        assertThat(noSource.rule()).isEqualTo("THIRD_PARTY_SOURCE_REQUIRED");
        assertThat(api.get(IB, "/api/pupils/" + pupil + "/signals").status()).isEqualTo(404);

        Response byBoard = api.post(BOARD_OFFICER, "/api/pupils/" + pupil + "/signals", recording(null, "x"));
        assertThat(byBoard.status()).isEqualTo(403);
    }

    @Test
    void theFileKeepsTheOriginalTheCorrectionsTheParentsViewAndTheirRequest() {
        String pupil = pupil();
        String signal = record(pupil, recording(null, "Blauwe plek op de wang.")).body().path("signalId").asText();
        String path = "/api/pupils/" + pupil + "/signals/" + signal;
        SignalContent corrected = new SignalContent(Instant.now().minus(Duration.ofHours(2)), "speelplaats", "pauze",
                List.of(new Statement("Blauwe plek op de arm.", StatementKind.FACT, InformationOrigin.OWN_OBSERVATION, null)),
                List.of("M.K."), SignalCategory.HOME_SITUATION, Set.of(), List.of(), TEACHER);

        assertThat(api.post(TEACHER, path + "/corrections", new SignalCorrection(corrected, "Verkeerd lichaamsdeel.")).status()).isEqualTo(200);
        assertThat(api.post(IB, path + "/parent-views", new ParentView("moeder", LocalDate.now(ZoneOffset.UTC), "Gevallen met de fiets.")).status()).isEqualTo(200);
        Response request = api.post(IB, path + "/correction-requests",
                new CorrectionRequest("beide ouders", LocalDate.now(ZoneOffset.UTC), true, "De plek kwam van de judoles."));
        assertThat(request.status()).isEqualTo(201);
        Response answer = api.post(PRINCIPAL, path + "/correction-requests/" + request.id() + "/answer",
                new CorrectionAnswer(false, "De waarneming is feitelijk juist vastgelegd.", LocalDate.now(ZoneOffset.UTC), null));
        assertThat(answer.status()).isEqualTo(200);

        JsonNode file = api.get(IB, "/api/pupils/" + pupil + "/signals").body();
        JsonNode recorded = file.path("signals").get(0);
        assertThat(recorded.path("original").path("statements").get(0).path("text").asText()).isEqualTo("Blauwe plek op de wang.");
        assertThat(recorded.path("current").path("statements").get(0).path("text").asText()).isEqualTo("Blauwe plek op de arm.");
        assertThat(recorded.path("corrections")).hasSize(1);
        assertThat(recorded.path("parentViews").get(0).path("view").path("view").asText()).isEqualTo("Gevallen met de fiets.");
        JsonNode requestView = recorded.path("correctionRequests").get(0);
        assertThat(requestView.path("answerDueOn").asText()).isEqualTo(LocalDate.now(ZoneOffset.UTC).plusWeeks(4).toString());
        assertThat(requestView.path("answer").path("granted").asBoolean()).isFalse();
        assertThat(file.path("version").asLong()).isEqualTo(4);
    }

    @Test
    void escalatingSignalsIsAcceptedWithTheNewCasesIdAndPublishedKeyedByPupil() {
        String pupil = pupil();
        String signal = record(pupil, recording(null, "Blauwe plek.")).body().path("signalId").asText();

        Response escalation = api.post(IB, "/api/pupils/" + pupil + "/escalations", new Escalation("school-a", List.of(signal),
                new CaseTeam(IB.personId(), "af-bram", "school-b", PRINCIPAL.personId()), "Herhaalde blauwe plekken."));

        assertThat(escalation.status()).isEqualTo(202);
        String caseId = escalation.body().path("caseId").asText();
        assertThat(caseId).isNotBlank();
        assertThat(api.get(IB, "/api/pupils/" + pupil + "/signals").body().path("signals").get(0).path("escalatedToCases").get(0).asText())
                .isEqualTo(caseId);
        List<ConsumerRecord<String, byte[]>> records = published(pupil, 2);
        assertThat(records).extracting(record -> TopicRecords.header(record, EventHeaders.EVENT_TYPE))
                .containsExactly("nl.meldspoor.api.signal.SignalRecorded", "nl.meldspoor.api.signal.SignalsEscalated");
        assertThat(records).extracting(record -> TopicRecords.header(record, EventHeaders.AGGREGATE_TYPE)).containsOnly("PupilFile");
    }

    private List<ConsumerRecord<String, byte[]>> published(String pupil, int expected) {
        return TopicRecords.keyed(broker.bootstrapServers(), Topics.SIGNAL_EVENTS, pupil, expected);
    }

    @Test
    void signalsAreReadAndChangedOnlyByStaffWhoNeedToKnow() {
        String pupil = pupil();
        Response recorded = record(pupil, recording(null, "Blauwe plek op de arm."));
        assertThat(recorded.status()).isEqualTo(201);
        String path = "/api/pupils/" + pupil + "/signals";

        assertThat(api.get(IB, path).body().path("signals")).hasSize(1);
        assertThat(api.get(PRINCIPAL, path).status()).isEqualTo(200);
        assertThat(api.get(TEACHER, path).body().path("signals")).hasSize(1);
        Response otherTeacher = api.get(OTHER_TEACHER, path);
        Response otherSchool = api.get(IB_OTHER_SCHOOL, path);
        Response cluster = api.get(CLUSTER_DIRECTOR, path);
        Response board = api.get(BOARD_OFFICER, path);
        assertThat(List.of(otherTeacher.rule(), otherSchool.rule(), cluster.rule(), board.rule()))
                .containsExactly("ROLE_NOT_PERMITTED", "NOT_YOUR_SCHOOL", "AGGREGATES_ONLY", "AGGREGATES_ONLY");
        for (Response refused : List.of(otherTeacher, otherSchool, cluster, board)) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.body().toString()).doesNotContain("Blauwe plek");
        }

        Response recordedElsewhere = api.post(IB_OTHER_SCHOOL, path, recording(null, "Iets gezien."));
        assertThat(recordedElsewhere.status()).isEqualTo(403);
        assertThat(recordedElsewhere.rule()).isEqualTo("NOT_YOUR_SCHOOL");
        String signalId = recorded.body().path("signalId").asText();
        Response parentViewElsewhere = api.post(IB_OTHER_SCHOOL, path + "/" + signalId + "/parent-views",
                "{\"submittedBy\":\"moeder\",\"view\":\"De ouders zien het anders.\",\"receivedOn\":\"" + java.time.LocalDate.now() + "\"}");
        assertThat(parentViewElsewhere.status()).isEqualTo(403);
        assertThat(api.get(IB, path).body().path("version").asLong()).isZero();
    }

    @Test
    void namesLiveOnlyInThePupilRegistryWhichOnlyTheSchoolReads() {
        String familyName = "Vries-" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> sanne = Map.of("givenName", "Sanne", "familyName", familyName, "birthDate", "2017-03-02", "group", 4);
        Response registered = api.post(IB, "/api/schools/school-a/pupils", sanne);
        assertThat(registered.status()).isEqualTo(201);
        String pupil = registered.body().path("pupilRef").asText();
        assertThat(pupil).startsWith("lln-").doesNotContain("sanne").doesNotContain(familyName.toLowerCase());
        assertThat(record(pupil, recording(null, "Blauwe plek op de wang.")).status()).isEqualTo(201);

        JsonNode identity = api.get(TEACHER, "/api/pupils/" + pupil + "/identity").body();
        assertThat(identity.path("givenName").asText()).isEqualTo("Sanne");
        assertThat(identity.path("group").asInt()).isEqualTo(4);
        assertThat(api.get(IB, "/api/schools/school-a/pupils?name=" + familyName.substring(0, 4)).body().findValuesAsText("pupilRef")).contains(pupil);
        Response otherSchool = api.get(IB_OTHER_SCHOOL, "/api/pupils/" + pupil + "/identity");
        Response cluster = api.get(CLUSTER_DIRECTOR, "/api/pupils/" + pupil + "/identity");
        assertThat(List.of(otherSchool.status(), cluster.status())).containsExactly(403, 403);
        assertThat(cluster.rule()).isEqualTo("AGGREGATES_ONLY");
        assertThat(otherSchool.body().toString()).doesNotContain("Sanne");
        assertThat(api.get(IB_OTHER_SCHOOL, "/api/schools/school-a/pupils?name=Sa").status()).isEqualTo(403);

        assertThat(api.post(TEACHER, "/api/schools/school-a/pupils", sanne).rule()).isEqualTo("ROLE_NOT_PERMITTED");
        Response invalid = api.post(IB, "/api/schools/school-a/pupils",
                Map.of("givenName", "Sanne", "familyName", "", "birthDate", "2999-01-01", "group", 9));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().path("errors").findValuesAsText("field")).containsExactly("birthDate", "familyName", "group");

        List<ConsumerRecord<String, byte[]>> records = published(pupil, 1);
        String onKafka = new String(records.get(0).value(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(onKafka).contains(pupil).doesNotContain("Sanne").doesNotContain(familyName);
    }

    @Test
    void aPupilsIdentityIsCorrectedByTheSchoolAndErasedByItsPrincipalWhileTheReferenceStays() {
        String familyName = "Bakker-" + UUID.randomUUID().toString().substring(0, 6);
        String pupil = api.post(IB, "/api/schools/school-a/pupils",
                Map.of("givenName", "Lotte", "familyName", familyName, "birthDate", "2018-05-01", "group", 3)).body().path("pupilRef").asText();
        record(pupil, recording(null, "Komt vaak te laat."));

        Response corrected = api.put(IB, "/api/pupils/" + pupil + "/identity",
                Map.of("givenName", "Lotte", "familyName", familyName, "birthDate", "2018-05-01", "group", 4));
        assertThat(corrected.status()).isEqualTo(200);
        assertThat(api.get(TEACHER, "/api/pupils/" + pupil + "/identity").body().path("group").asInt()).isEqualTo(4);
        assertThat(api.put(TEACHER, "/api/pupils/" + pupil + "/identity",
                Map.of("givenName", "L", "familyName", "X", "birthDate", "2018-05-01", "group", 4)).rule()).isEqualTo("ROLE_NOT_PERMITTED");
        Response invalid = api.put(IB, "/api/pupils/" + pupil + "/identity", Map.of("givenName", "", "familyName", familyName, "group", 4));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().path("errors").findValuesAsText("field")).containsExactly("birthDate", "givenName");

        assertThat(api.delete(IB, "/api/pupils/" + pupil + "/identity").rule()).as("the principal decides").isEqualTo("ROLE_NOT_PERMITTED");
        assertThat(api.delete(PRINCIPAL, "/api/pupils/" + pupil + "/identity").status()).isEqualTo(204);

        Response erased = api.get(IB, "/api/pupils/" + pupil + "/identity");
        assertThat(erased.status()).isEqualTo(410);
        assertThat(erased.rule()).isEqualTo("IDENTITY_ERASED");
        assertThat(erased.body().toString()).doesNotContain("Lotte").doesNotContain(familyName);
        assertThat(api.get(IB, "/api/schools/school-a/pupils?name=" + familyName.substring(0, 5)).body().findValuesAsText("pupilRef")).doesNotContain(pupil);
        assertThat(api.put(IB, "/api/pupils/" + pupil + "/identity",
                Map.of("givenName", "Lotte", "familyName", familyName, "birthDate", "2018-05-01", "group", 4)).status()).isEqualTo(410);
        assertThat(api.get(IB, "/api/pupils/" + pupil + "/signals").body().path("signals")).as("the pupil's file keeps its reference").hasSize(1);
    }

    @Test
    void aTextOrAListAboveItsLimitIsRefusedWithTheFieldNamedAndNothingIsStored() {
        String pupil = pupil();
        Response longStatement = record(pupil, recording(null, "x".repeat(Limits.STATEMENT + 1)));
        assertThat(longStatement.status()).isEqualTo(400);
        assertThat(longStatement.rule()).isEqualTo("INVALID_INPUT");
        assertThat(longStatement.body().path("errors").findValuesAsText("field")).containsExactly("statements[0].text");
        assertThat(longStatement.body().path("errors").findValuesAsText("reason")).containsExactly("mag ten hoogste 2000 tekens lang zijn");

        SignalRecording manyStatements = new SignalRecording("school-a", null, Instant.now().minusSeconds(60), "klas", "kring",
                java.util.Collections.nCopies(Limits.STATEMENTS + 1, new Statement("Huilt.", StatementKind.FACT, InformationOrigin.OWN_OBSERVATION, null)),
                List.of(), SignalCategory.HOME_SITUATION, Set.of(), List.of());
        Response tooMany = record(pupil, manyStatements);
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body().path("errors").findValuesAsText("field")).containsExactly("statements");

        Response justRight = record(pupil, recording(null, "x".repeat(Limits.STATEMENT)));
        assertThat(justRight.status()).as("a statement at its limit is accepted").isEqualTo(201);
        assertThat(api.get(IB, "/api/pupils/" + pupil + "/signals").body().path("signals")).hasSize(1);
    }

    @Test
    void inputThatLooksSealedOrErasedIsRefusedAtEveryWriteOfTheServiceAndNeverStored() {
        String pupil = pupil();
        Response sealed = record(pupil, recording(null, "msp-enc:v1:case-service:00000000-0000-0000-0000-000000000000:AAAA"));
        assertThat(sealed.status()).isEqualTo(400);
        assertThat(sealed.rule()).isEqualTo("INVALID_INPUT");
        assertThat(sealed.body().path("errors").findValuesAsText("field")).containsExactly("statements[0].text");
        assertThat(api.get(IB, "/api/pupils/" + pupil + "/signals").status()).isEqualTo(404);

        Response marker = api.post(IB, "/api/schools/school-a/pupils",
                Map.of("givenName", "[verwijderd na de bewaartermijn]", "familyName", "Jansen", "birthDate", "2017-03-02", "group", 4));
        assertThat(marker.status()).isEqualTo(400);
        assertThat(marker.body().path("errors").findValuesAsText("field")).containsExactly("givenName");

        Response incident = api.post(TEACHER, "/api/incidents", "{\"schoolId\":\"school-a\",\"description\":\"MSP-ENC:v2:x\"}");
        assertThat(incident.status()).isEqualTo(400);
        assertThat(incident.body().path("errors").findValuesAsText("field")).containsExactly("description");
    }

    @Test
    void aPupilOrFamilyReferenceThatIsNotAReferenceIsRefusedWhereverItEnters() {
        String name = "Jan de Vries";
        Response signalPath = record(name, recording(null, "Blauwe plek."));
        Response filePath = api.get(IB, "/api/pupils/" + name + "/signals");
        Response identityPath = api.get(IB, "/api/pupils/" + name + "/identity");
        Response familyInSignal = record(pupil(), recording(name, "Blauwe plek."));
        Response familyInRegistry = api.post(IB, "/api/schools/school-a/pupils",
                Map.of("givenName", "Jan", "familyName", "Vries", "birthDate", "2017-03-02", "group", 4, "familyRef", name));

        for (Response refused : List.of(signalPath, filePath, identityPath, familyInSignal, familyInRegistry)) {
            assertThat(refused.status()).as(refused.body().toString()).isEqualTo(400);
            assertThat(refused.rule()).isEqualTo("INVALID_INPUT");
        }
        assertThat(signalPath.body().path("errors").findValuesAsText("field")).containsExactly("pupilRef");
        assertThat(filePath.body().path("errors").findValuesAsText("field")).containsExactly("pupilRef");
        assertThat(identityPath.body().path("errors").findValuesAsText("field")).containsExactly("pupilRef");
        assertThat(familyInSignal.body().path("errors").findValuesAsText("field")).containsExactly("familyRef");
        assertThat(familyInRegistry.body().path("errors").findValuesAsText("field")).containsExactly("familyRef");
    }

    @Test
    void aRequestBodyAboveTheConfiguredLimitIsRefusedWith413WithOrWithoutALength() throws Exception {
        String pupil = pupil();
        String huge = json.writeValueAsString(recording(null, "x".repeat(300 * 1024)));
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.URI uri = java.net.URI.create("http://localhost:" + port + "/api/pupils/" + pupil + "/signals");
        String token = HttpApi.as(TEACHER).getFirst(org.springframework.http.HttpHeaders.AUTHORIZATION);
        byte[] bytes = huge.getBytes(java.nio.charset.StandardCharsets.UTF_8);

        java.net.http.HttpResponse<String> withLength = client.send(java.net.http.HttpRequest.newBuilder(uri)
                .header("Authorization", token).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        java.net.http.HttpResponse<String> chunked = client.send(java.net.http.HttpRequest.newBuilder(uri)
                .header("Authorization", token).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        for (java.net.http.HttpResponse<String> refused : List.of(withLength, chunked)) {
            assertThat(refused.statusCode()).isEqualTo(413);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(json.readTree(refused.body()).path("rule").asText()).isEqualTo("REQUEST_TOO_LARGE");
        }
        assertThat(api.get(IB, "/api/pupils/" + pupil + "/signals").status()).isEqualTo(404);
    }

    @Test
    void theOpenApiDocumentShowsTheLimits() {
        JsonNode schemas = api.get(IB, "/v3/api-docs").body().path("components").path("schemas");
        assertThat(schemas.path("SignalRecording").path("properties").path("place").path("maxLength").asInt()).isEqualTo(Limits.LABEL);
        assertThat(schemas.path("SignalRecording").path("properties").path("statements").path("maxItems").asInt()).isEqualTo(Limits.STATEMENTS);
        assertThat(schemas.path("Statement").path("properties").path("text").path("maxLength").asInt()).isEqualTo(Limits.STATEMENT);
        assertThat(schemas.path("Escalation").path("properties").path("signalIds").path("maxItems").asInt()).isEqualTo(Limits.SIGNALS);
        assertThat(schemas.path("IncidentReport").path("properties").path("description").path("maxLength").asInt()).isEqualTo(Limits.LONG_TEXT);
        assertThat(schemas.path("SignalRecording").path("properties").path("familyRef").path("pattern").asText()).isEqualTo(Identifiers.FAMILY_REF);
    }
}
