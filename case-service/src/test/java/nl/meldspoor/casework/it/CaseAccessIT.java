package nl.meldspoor.casework.it;

import static nl.meldspoor.casework.it.Requests.IB;
import static nl.meldspoor.casework.it.Requests.PRINCIPAL;
import static nl.meldspoor.casework.it.Requests.TEACHER;
import static nl.meldspoor.casework.it.Requests.colleagueConsultation;
import static nl.meldspoor.casework.it.Requests.opening;
import static nl.meldspoor.platform.testing.HttpApi.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import java.util.UUID;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Identifiers;
import nl.meldspoor.api.common.Limits;
import nl.meldspoor.api.meldcase.CaseOpening;
import nl.meldspoor.api.meldcase.ColleagueConsultation;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.platform.security.StaffDirectory;
import nl.meldspoor.platform.testing.Eventually;
import nl.meldspoor.platform.testing.HttpApi;
import nl.meldspoor.platform.testing.HttpApi.Response;
import nl.meldspoor.platform.testing.TestPostgres;
import nl.meldspoor.platform.testing.security.TestIssuer;
import nl.meldspoor.platform.testing.security.TestStaff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Who you are and what you may do, over HTTP with real tokens: every token problem is a 401, every
 * role of DOMAIN.md §1 is allowed or refused on a case of its own school and of another school, the
 * actor of an event is the token's subject, and the staff directory is kept through its admin API and
 * Kafka.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@TestPropertySource(properties = {"meldspoor.staff.administrators=admin-bestuur",
        "meldspoor.embedded.kafka.data-directory=target/embedded-kafka-access"})
class CaseAccessIT {

    private static final Actor IB_OTHER_SCHOOL = new Actor("ib-zoe", Role.CARE_COORDINATOR);
    private static final Actor PRINCIPAL_OTHER_SCHOOL = new Actor("dir-dirk", Role.PRINCIPAL);
    private static final Actor PAIRED_ADVISOR = new Actor("af-bram", Role.ADVISOR);
    private static final Actor OTHER_ADVISOR = new Actor("af-otto", Role.ADVISOR);
    private static final Actor CONFIDANT = new Actor("icp-femke", Role.CONFIDANT);
    private static final Actor CLUSTER_DIRECTOR = new Actor("cd-noor", Role.CLUSTER_DIRECTOR);
    private static final Actor BOARD_OFFICER = new Actor("bo-bart", Role.BOARD_OFFICER);
    private static final Actor AUDITOR = new Actor("audit-ida", Role.AUDITOR);
    private static final Actor EXPIRED_AUDITOR = new Actor("audit-old", Role.AUDITOR);
    private static final Actor OTHER_AUDITOR = new Actor("audit-bea", Role.AUDITOR);

    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private ObjectMapper json;
    @Autowired
    private StaffDirectory directory;
    @Autowired
    private JdbcTemplate jdbc;

    private HttpApi api;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.registerFreshDatabase(registry);
    }

    @BeforeEach
    void setUp() {
        api = new HttpApi(rest, json);
        LocalDate today = LocalDate.now();
        new TestStaff(directory)
                .grant(IB, "school-a").grant(PRINCIPAL, "school-a").grant(TEACHER, "school-a").grant(CONFIDANT, "school-a")
                .grant(IB_OTHER_SCHOOL, "school-b").grant(PRINCIPAL_OTHER_SCHOOL, "school-b")
                .grant(PAIRED_ADVISOR, "school-b").grant(OTHER_ADVISOR, "school-b")
                .grant(CLUSTER_DIRECTOR, "cluster-noord").grantBoardWide(BOARD_OFFICER)
                .grant(AUDITOR.personId(), Role.AUDITOR, "board", today.plusMonths(1))
                .grant(EXPIRED_AUDITOR.personId(), Role.AUDITOR, "board", today.minusDays(1))
                .grant(OTHER_AUDITOR.personId(), Role.AUDITOR, "school-b", today.plusMonths(1));
    }

    private String openCase() {
        Response opened = api.post(IB, "/api/cases", opening("pupil-" + UUID.randomUUID()));
        assertThat(opened.status()).isEqualTo(201);
        return opened.id();
    }

    private record Expected(int state, int timeline, int command) {
    }

    @Test
    void aCasesSealedTextIsOpenedForExactlyThoseWhoMayReadTheCase() {
        String caseId = openCase();
        String stored = new String(jdbc.queryForObject("SELECT payload FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = 0",
                byte[].class, caseId), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(stored).doesNotContain("Blauwe plekken", "gymzaal");
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("msp-enc:v1:case-service:[^\"]+").matcher(stored);
        List<String> sealed = new java.util.ArrayList<>();
        while (matcher.find()) {
            sealed.add(matcher.group());
        }
        assertThat(sealed).isNotEmpty();

        Response tokenAlone = api.post(IB, "/api/personal-data/openings", Map.of("texts", sealed));
        assertThat(tokenAlone.status()).as("a reader's own token, without a service's credential").isEqualTo(403);
        assertThat(tokenAlone.rule()).isEqualTo("SERVICE_CREDENTIAL_REQUIRED");
        assertThat(tokenAlone.body().toString()).doesNotContain("Blauwe plekken");
        for (Actor reader : List.of(IB, PRINCIPAL, PAIRED_ADVISOR, AUDITOR)) {
            Response opened = api.openings(reader, sealed);
            assertThat(opened.body().findValuesAsText("state")).as(reader.personId()).containsOnly("OPEN");
            assertThat(opened.body().findValuesAsText("text")).as(reader.personId()).contains("Blauwe plekken en teruggetrokken gedrag.");
        }
        for (Actor stranger : List.of(TEACHER, CONFIDANT, IB_OTHER_SCHOOL, OTHER_ADVISOR, CLUSTER_DIRECTOR, BOARD_OFFICER, OTHER_AUDITOR, EXPIRED_AUDITOR)) {
            Response refused = api.openings(stranger, sealed);
            assertThat(refused.body().toString()).as(stranger.personId()).doesNotContain("Blauwe plekken");
            if (refused.status() == 200) {
                assertThat(refused.body().findValuesAsText("state")).as(stranger.personId()).containsOnly("NOT_PERMITTED");
            } else {
                assertThat(refused.status()).as(stranger.personId()).isEqualTo(403);
            }
        }
    }

    @Test
    void everyRoleOnACaseOfItsOwnSchoolAndOfAnother() {
        Map<Actor, Expected> matrix = new LinkedHashMap<>();
        matrix.put(IB, new Expected(200, 200, 200));
        matrix.put(PRINCIPAL, new Expected(200, 200, 200));
        matrix.put(PAIRED_ADVISOR, new Expected(200, 200, 200));
        matrix.put(TEACHER, new Expected(403, 403, 403));
        matrix.put(CONFIDANT, new Expected(403, 403, 403));
        matrix.put(IB_OTHER_SCHOOL, new Expected(403, 403, 403));
        matrix.put(PRINCIPAL_OTHER_SCHOOL, new Expected(403, 403, 403));
        matrix.put(OTHER_ADVISOR, new Expected(403, 403, 403));
        matrix.put(CLUSTER_DIRECTOR, new Expected(403, 403, 403));
        matrix.put(BOARD_OFFICER, new Expected(403, 403, 403));
        matrix.put(AUDITOR, new Expected(200, 200, 403));
        matrix.put(OTHER_AUDITOR, new Expected(403, 403, 403));
        matrix.put(EXPIRED_AUDITOR, new Expected(403, 403, 403));

        String caseId = openCase();
        matrix.forEach((actor, expected) -> {
            Response state = api.get(actor, "/api/cases/" + caseId);
            Response timeline = api.get(actor, "/api/cases/" + caseId + "/timeline");
            Response command = api.post(actor, "/api/cases/" + caseId + "/colleague-consultations", colleagueConsultation());
            assertThat(List.of(state.status(), timeline.status(), command.status()))
                    .as(actor.personId() + " as " + actor.role())
                    .containsExactly(expected.state(), expected.timeline(), expected.command());
            for (Response refused : List.of(state, timeline, command)) {
                if (refused.status() == 403) {
                    assertThat(refused.body().toString()).as("a refusal carries no data").doesNotContain("pupil-").doesNotContain("Blauwe plekken");
                    assertThat(refused.headers().getContentType()).hasToString("application/problem+json");
                }
            }
        });
    }

    @Test
    void aTeacherAddedToTheCaseSeesItsStateButNotTheWholeTimeline() {
        String caseId = openCase();
        assertThat(api.post(IB, "/api/cases/" + caseId + "/teachers", Map.of("teacherId", TEACHER.personId())).status()).isEqualTo(200);

        assertThat(api.get(TEACHER, "/api/cases/" + caseId).status()).isEqualTo(200);
        assertThat(api.get(TEACHER, "/api/cases/" + caseId + "/timeline").status()).isEqualTo(403);
    }

    @Test
    void theActorOfAnEventIsTheTokensSubjectInTheRoleUsed() {
        String caseId = openCase();
        api.post(PRINCIPAL, "/api/cases/" + caseId + "/colleague-consultations", colleagueConsultation());

        Response timeline = api.get(IB, "/api/cases/" + caseId + "/timeline");
        assertThat(timeline.body().path("entries").get(1).path("actor").path("personId").asText()).isEqualTo("dir-carla");
        assertThat(timeline.body().path("entries").get(1).path("actor").path("role").asText()).isEqualTo("PRINCIPAL");
    }

    @Test
    void theTimelineShowsWhoLookedAtTheCaseWhenAndWhy() {
        String caseId = openCase();
        HttpHeaders auditing = HttpApi.as(AUDITOR);
        auditing.set("X-Meldspoor-Purpose", "AUDIT");
        assertThat(api.get("/api/cases/" + caseId, auditing).status()).isEqualTo(200);
        HttpHeaders inOwnWords = HttpApi.as(AUDITOR);
        inOwnWords.set("X-Meldspoor-Purpose", "jaarlijkse controle dossiervorming van Sanne");
        Response freeText = api.get("/api/cases/" + caseId, inOwnWords);
        assertThat(freeText.status()).as("a purpose in the reader's own words could name a pupil: refused").isEqualTo(400);
        assertThat(freeText.body().path("errors").get(0).path("field").asText()).isEqualTo("X-Meldspoor-Purpose");
        assertThat(api.get(PRINCIPAL_OTHER_SCHOOL, "/api/cases/" + caseId).status()).isEqualTo(403);

        JsonNode lookedAt = Eventually.within(Duration.ofSeconds(30))
                .until(() -> api.get(IB, "/api/cases/" + caseId + "/timeline").body().path("lookedAt"),
                        views -> views.findValuesAsText("personId").contains(AUDITOR.personId()));
        JsonNode audit = java.util.stream.StreamSupport.stream(lookedAt.spliterator(), false)
                .filter(view -> view.path("personId").asText().equals(AUDITOR.personId())).findFirst().orElseThrow();
        assertThat(audit.path("role").asText()).isEqualTo("AUDITOR");
        assertThat(audit.path("kind").asText()).isEqualTo("CASE_STATE");
        assertThat(audit.path("purpose").asText()).isEqualTo("AUDIT");
        assertThat(audit.path("why").asText()).isEqualTo("controle van de dossiervorming");
        assertThat(lookedAt.toString()).doesNotContain("Sanne");
        assertThat(audit.path("at").asText()).isNotBlank();
        assertThat(lookedAt.findValuesAsText("personId")).as("a refused read showed nothing, so it is no view")
                .doesNotContain(PRINCIPAL_OTHER_SCHOOL.personId());
        assertThat(api.get(IB, "/api/cases/" + caseId + "/timeline?asOf=2020-01-01T00:00:00Z").status()).isEqualTo(404);
    }

    @Test
    void aRoleThePersonDoesNotHoldCannotBeUsed() {
        String caseId = openCase();
        Response pretending = api.post(new Actor(TEACHER.personId(), Role.PRINCIPAL), "/api/cases/" + caseId + "/colleague-consultations",
                colleagueConsultation());

        assertThat(pretending.status()).isEqualTo(403);
        assertThat(pretending.rule()).isEqualTo("ROLE_NOT_HELD");
        assertThat(api.get(IB, "/api/cases/" + caseId).version()).isZero();
    }

    @Test
    void everyTokenProblemIsA401() {
        String path = "/api/cases/" + openCase();
        Map<String, HttpHeaders> broken = new LinkedHashMap<>();
        broken.put("missing", new HttpHeaders());
        broken.put("expired", bearer(TestIssuer.token(IB.personId()).expiredAt(Instant.now().minus(Duration.ofMinutes(5))).mint()));
        broken.put("wrong issuer", bearer(TestIssuer.token(IB.personId()).issuedBy("https://login.example.org/other").mint()));
        broken.put("wrong audience", bearer(TestIssuer.token(IB.personId()).forAudience("another-application").mint()));
        broken.put("signed by a stranger", bearer(TestIssuer.token(IB.personId()).signedByStranger().mint()));
        broken.put("tampered", bearer(TestIssuer.token(TEACHER.personId()).tamperedTo(IB.personId()).mint()));
        broken.put("not a token", bearer("not-a-jwt"));

        broken.forEach((problem, headers) -> {
            Response response = api.get(path, headers);
            assertThat(response.status()).as(problem).isEqualTo(401);
            assertThat(response.rule()).as(problem).isEqualTo("UNAUTHENTICATED");
            assertThat(response.body().toString()).as(problem).doesNotContain("pupil-");
        });
        assertThat(api.get(IB, path).status()).isEqualTo(200);
        assertThat(api.getAnonymously("/actuator/health").status()).isEqualTo(200);
        assertThat(api.getAnonymously("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(api.getAnonymously("/v3/api-docs").status()).isEqualTo(401);
    }

    @Test
    void healthShowsOnlyItsStatusWithoutATokenAndItsDetailsOnlyToABoardAdministrator() {
        Actor administrator = new Actor("admin-bestuur", Role.BOARD_OFFICER);

        Response probe = api.getAnonymously("/actuator/health");
        assertThat(probe.status()).isEqualTo(200);
        assertThat(probe.body().properties()).extracting(Map.Entry::getKey).containsExactly("status");
        assertThat(probe.body().path("status").asText()).isEqualTo("UP");
        for (Actor staff : List.of(IB, PRINCIPAL, AUDITOR)) {
            Response response = api.get(staff, "/actuator/health");
            assertThat(response.status()).as(staff.personId()).isEqualTo(200);
            assertThat(response.body().properties()).as(staff.personId()).extracting(Map.Entry::getKey).containsExactly("status");
        }

        Response details = api.get(administrator, "/actuator/health");
        assertThat(details.status()).isEqualTo(200);
        assertThat(details.body().path("components").path("diskSpace").path("details").has("path")).isTrue();
        assertThat(details.body().path("components").path("db").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void metricsAnswerOnlyTheScrapeCredentialAndNeverAStaffToken() {
        Actor administrator = new Actor("admin-bestuur", Role.BOARD_OFFICER);
        for (Actor staff : List.of(IB, PRINCIPAL, AUDITOR, BOARD_OFFICER, administrator)) {
            Response refused = api.get(staff, "/actuator/prometheus");
            assertThat(refused.status()).as(staff.personId()).isEqualTo(403);
            assertThat(refused.rule()).as(staff.personId()).isEqualTo("FORBIDDEN");
            assertThat(refused.body().toString()).as(staff.personId()).doesNotContain("notifications_raised", "commandBus");
        }
        assertThat(api.getAnonymously("/actuator/prometheus").status()).isEqualTo(401);
        HttpHeaders wrongSecret = new HttpHeaders();
        wrongSecret.setBasicAuth("prometheus", "guessed");
        assertThat(api.get("/actuator/prometheus", wrongSecret).status()).isEqualTo(401);

        Response scraped = api.get("/actuator/prometheus", HttpApi.scrapeCredential());
        assertThat(scraped.status()).isEqualTo(200);
        assertThat(scraped.body().asText()).contains("jvm_memory_used_bytes").contains("service=\"case-service\"");
        // the scrape credential opens the metrics and nothing else
        assertThat(api.get("/api/me", HttpApi.scrapeCredential()).status()).isEqualTo(401);
    }

    @Test
    void theStaffDirectoryIsKeptByTheBoardAdministratorThroughKafka() {
        Actor newcomer = new Actor("ib-" + UUID.randomUUID().toString().substring(0, 8), Role.CARE_COORDINATOR);
        Actor administrator = new Actor("admin-bestuur", Role.BOARD_OFFICER);
        String roles = "/api/staff/" + newcomer.personId() + "/roles";

        Response notAnAdministrator = api.post(IB, roles, Map.of("role", "CARE_COORDINATOR", "scope", "school-a"));
        assertThat(notAnAdministrator.status()).isEqualTo(403);
        assertThat(notAnAdministrator.rule()).isEqualTo("NOT_A_STAFF_ADMINISTRATOR");

        Response noEndDate = api.post(administrator, roles, Map.of("role", "AUDITOR", "scope", "board"));
        assertThat(noEndDate.status()).isEqualTo(400);
        assertThat(noEndDate.body().path("field").asText()).isEqualTo("validUntil");
        Response badScope = api.post(administrator, roles, Map.of("role", "TEACHER", "scope", "school a"));
        assertThat(badScope.status()).isEqualTo(400);
        assertThat(badScope.body().path("errors").get(0).path("field").asText()).isEqualTo("scope");

        assertThat(api.post(newcomer, "/api/cases", opening("pupil-newcomer")).rule()).isEqualTo("NOT_IN_STAFF_DIRECTORY");
        assertThat(api.post(administrator, roles, Map.of("role", "CARE_COORDINATOR", "scope", "school-a")).status()).isEqualTo(200);
        String caseId = Eventually.within(Duration.ofSeconds(30))
                .until(() -> api.post(newcomer, "/api/cases", opening("pupil-newcomer")), opened -> opened.status() == 201).id();
        assertThat(api.get(newcomer, "/api/me").body().path("roles").get(0).path("scope").asText()).isEqualTo("school-a");

        assertThat(delete(administrator, roles + "/CARE_COORDINATOR/school-a")).isEqualTo(200);
        Eventually.within(Duration.ofSeconds(30)).until(() -> api.get(newcomer, "/api/cases/" + caseId).status() == 403);
        assertThat(delete(administrator, roles + "/CARE_COORDINATOR/school-a")).isEqualTo(409);
    }

    private int delete(Actor actor, String path) {
        return rest.exchange(path, HttpMethod.DELETE, new HttpEntity<>(HttpApi.as(actor)), String.class).getStatusCode().value();
    }

    private long storedEvents() {
        return jdbc.queryForObject("select count(*) from domainevententry", Long.class);
    }

    @Test
    void aTextOrAListAboveItsLimitIsRefusedWithTheFieldNamedAndNothingIsStored() {
        long before = storedEvents();
        CaseOpening normal = opening("pupil-" + UUID.randomUUID());
        CaseOpening longConcern = new CaseOpening(normal.schoolId(), normal.pupilRef(), normal.familyRef(), normal.team(),
                "x".repeat(Limits.LONG_TEXT + 1), normal.signals());
        CaseOpening manySignals = new CaseOpening(normal.schoolId(), normal.pupilRef(), normal.familyRef(), normal.team(), normal.concern(),
                java.util.stream.IntStream.rangeClosed(0, Limits.SIGNALS).mapToObj(i -> Requests.signal("sig-" + i)).toList());

        Response tooLong = api.post(IB, "/api/cases", longConcern);
        Response tooMany = api.post(IB, "/api/cases", manySignals);

        assertThat(List.of(tooLong.status(), tooMany.status())).containsExactly(400, 400);
        assertThat(tooLong.rule()).isEqualTo("INVALID_INPUT");
        assertThat(tooLong.body().path("errors").findValuesAsText("field")).containsExactly("concern");
        assertThat(tooMany.body().path("errors").findValuesAsText("field")).containsExactly("signals");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void inputThatLooksSealedOrErasedIsRefusedAtEveryWriteOfTheServiceAndNeverStored() {
        String caseId = openCase();
        long before = storedEvents();
        ColleagueConsultation normal = colleagueConsultation();
        ColleagueConsultation sealed = new ColleagueConsultation(normal.consultedAt(), normal.colleagueId(), normal.colleagueCapacity(),
                "msp-enc:v1:case-service:00000000-0000-0000-0000-000000000000:AAAA", normal.sameSignalsSeen(), normal.missingInformation());
        CaseOpening normalOpening = opening("pupil-" + UUID.randomUUID());
        CaseOpening erased = new CaseOpening(normalOpening.schoolId(), normalOpening.pupilRef(), normalOpening.familyRef(), normalOpening.team(),
                "[verwijderd na de bewaartermijn]", normalOpening.signals());
        Actor administrator = new Actor("admin-bestuur", Role.BOARD_OFFICER);

        Response sealedStep = api.post(IB, "/api/cases/" + caseId + "/colleague-consultations", sealed);
        Response erasedOpening = api.post(IB, "/api/cases", erased);
        Response sealedGrant = api.post(administrator, "/api/staff/lk-new/roles", Map.of("role", "TEACHER", "scope", "msp-enc:v1:x"));

        assertThat(List.of(sealedStep.status(), erasedOpening.status(), sealedGrant.status())).containsExactly(400, 400, 400);
        assertThat(sealedStep.body().path("errors").findValuesAsText("field")).containsExactly("discussed");
        assertThat(erasedOpening.body().path("errors").findValuesAsText("field")).containsExactly("concern");
        assertThat(sealedGrant.body().path("errors").findValuesAsText("field")).containsExactly("scope");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aPupilOrFamilyReferenceThatIsNotAReferenceIsRefusedWhereItEnters() {
        CaseOpening normal = opening("pupil-" + UUID.randomUUID());
        Response namedPupil = api.post(IB, "/api/cases", new CaseOpening(normal.schoolId(), "Jan de Vries", normal.familyRef(),
                normal.team(), normal.concern(), normal.signals()));
        Response namedFamily = api.post(IB, "/api/cases", new CaseOpening(normal.schoolId(), normal.pupilRef(), "Jan de Vries",
                normal.team(), normal.concern(), normal.signals()));

        assertThat(List.of(namedPupil.status(), namedFamily.status())).containsExactly(400, 400);
        assertThat(namedPupil.body().path("errors").findValuesAsText("field")).containsExactly("pupilRef");
        assertThat(namedFamily.body().path("errors").findValuesAsText("field")).containsExactly("familyRef");
    }

    @Test
    void aRequestBodyAboveTheConfiguredLimitIsRefusedWith413() {
        long before = storedEvents();
        String huge = "{\"concern\":\"" + "x".repeat(300 * 1024) + "\"}";

        Response refused = api.post(IB, "/api/cases", huge);

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.rule()).isEqualTo("REQUEST_TOO_LARGE");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void theOpenApiDocumentShowsTheLimits() {
        JsonNode schemas = api.get(IB, "/v3/api-docs").body().path("components").path("schemas");
        assertThat(schemas.path("CaseOpening").path("properties").path("concern").path("maxLength").asInt()).isEqualTo(Limits.LONG_TEXT);
        assertThat(schemas.path("CaseOpening").path("properties").path("signals").path("maxItems").asInt()).isEqualTo(Limits.SIGNALS);
        assertThat(schemas.path("CaseOpening").path("properties").path("pupilRef").path("pattern").asText()).isEqualTo(Identifiers.PUPIL_REF);
        assertThat(schemas.path("ColleagueConsultation").path("properties").path("discussed").path("maxLength").asInt()).isEqualTo(Limits.LONG_TEXT);
        assertThat(schemas.path("ParentConversation").path("properties").path("parentsPresent").path("maxItems").asInt()).isEqualTo(Limits.PEOPLE);
    }
}
