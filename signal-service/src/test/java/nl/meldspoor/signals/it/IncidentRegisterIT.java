package nl.meldspoor.signals.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.EventHeaders;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.common.Topics;
import nl.meldspoor.api.incident.BullyingStep;
import nl.meldspoor.api.incident.BullyingStepDetails;
import nl.meldspoor.api.incident.IncidentClosure;
import nl.meldspoor.api.incident.IncidentReport;
import nl.meldspoor.api.incident.IncidentType;
import nl.meldspoor.api.incident.InvolvedParty;
import nl.meldspoor.api.incident.MeldplichtStep;
import nl.meldspoor.api.incident.MeldplichtStepDetails;
import nl.meldspoor.api.incident.ParentContactMethod;
import nl.meldspoor.api.incident.ParentsInformed;
import nl.meldspoor.api.incident.PartyRole;
import nl.meldspoor.api.incident.Severity;
import nl.meldspoor.api.incident.UnsafeBehaviourAction;
import nl.meldspoor.api.incident.UnsafeBehaviourActionDetails;
import nl.meldspoor.engines.kafka.EmbeddedKafkaBroker;
import nl.meldspoor.platform.testing.Eventually;
import nl.meldspoor.platform.security.StaffDirectory;
import nl.meldspoor.platform.testing.HttpApi;
import nl.meldspoor.platform.testing.security.TestStaff;
import nl.meldspoor.platform.testing.HttpApi.Response;
import nl.meldspoor.platform.testing.TestPostgres;
import nl.meldspoor.platform.testing.TopicRecords;
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

/** The incident register over HTTP, on the embedded PostgreSQL and Kafka. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "meldspoor.embedded.kafka.data-directory=target/embedded-kafka-incidents")
class IncidentRegisterIT {


    private static final Actor TEACHER = new Actor("lk-eva", Role.TEACHER);
    private static final Actor PRINCIPAL = new Actor("dir-carla", Role.PRINCIPAL);
    private static final Actor CONFIDANT = new Actor("icp-femke", Role.CONFIDANT);
    private static final Actor BOARD_OFFICER = new Actor("bestuur-bas", Role.BOARD_OFFICER);
    private static final Actor CLUSTER_DIRECTOR = new Actor("cd-chris", Role.CLUSTER_DIRECTOR);
    private static final Actor OTHER_TEACHER = new Actor("lk-olaf", Role.TEACHER);
    private static final Actor PRINCIPAL_OTHER_SCHOOL = new Actor("dir-dirk", Role.PRINCIPAL);
    private static final Actor TEACHER_OTHER_SCHOOL = new Actor("lk-tom", Role.TEACHER);
    private static final Actor IB = new Actor("ib-anna", Role.CARE_COORDINATOR);
    private static final Actor ADVISOR = new Actor("af-ali", Role.ADVISOR);
    private static final Actor OTHER_CONFIDANT = new Actor("icp-gert", Role.CONFIDANT);
    private static final Actor SCHOOL_AUDITOR = new Actor("audit-school", Role.AUDITOR);
    private static final Actor BOARD_AUDITOR = new Actor("audit-bestuur", Role.AUDITOR);

    /** Moments in the past, whole seconds: when it happened, and when the school first knew. */
    private final Instant happened = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(5));
    private final Instant known = happened.plus(Duration.ofMinutes(20));

    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private ObjectMapper json;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private EmbeddedKafkaBroker broker;
    @Autowired
    private StaffDirectory directory;
    private HttpApi api;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.registerFreshDatabase(registry);
    }

    @BeforeEach
    void setUp() {
        api = new HttpApi(rest, json);
        new TestStaff(directory).grant(TEACHER, "school-a").grant(PRINCIPAL, "school-a").grant(CONFIDANT, "school-a")
                .grant(OTHER_TEACHER, "school-a").grant(PRINCIPAL_OTHER_SCHOOL, "school-b").grant(TEACHER_OTHER_SCHOOL, "school-b")
                .grantBoardWide(BOARD_OFFICER).grant(CLUSTER_DIRECTOR, "cluster-noord")
                .grant(IB, "school-a").grant(ADVISOR, "school-a").grant(OTHER_CONFIDANT, "school-a")
                .grant(SCHOOL_AUDITOR.personId(), Role.AUDITOR, "school-a", java.time.LocalDate.now().plusDays(30))
                .grant(BOARD_AUDITOR.personId(), Role.AUDITOR, nl.meldspoor.api.staff.StaffScope.BOARD, java.time.LocalDate.now().plusDays(30));
    }

    private IncidentReport report(IncidentType type, Severity severity, InvolvedParty... parties) {
        return report(happened, type, severity, parties);
    }

    private IncidentReport report(Instant occurredAt, IncidentType type, Severity severity, InvolvedParty... parties) {
        return new IncidentReport("school-a", occurredAt, known, "gymzaal", type, severity, List.of(parties),
                "Beschrijving van wat er gebeurde.", "Direct ingegrepen en de leerlingen apart genomen.", null, false, null, null);
    }

    private String record(Actor actor, IncidentReport report) {
        Response recorded = api.post(actor, "/api/incidents", report);
        assertThat(recorded.status()).as(recorded.body().toString()).isEqualTo(201);
        return recorded.id();
    }

    private void ok(Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
    }

    private static String path(String incidentId, String action) {
        return "/api/incidents/" + incidentId + action;
    }

    private JsonNode incident(String incidentId) {
        return incident(PRINCIPAL, incidentId);
    }

    private JsonNode incident(Actor reader, String incidentId) {
        Response response = api.get(reader, path(incidentId, ""));
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    private long storedEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
    }

    private MeldplichtStepDetails meldplicht(MeldplichtStep step, Instant takenAt, List<String> informed, Boolean suspicion,
                                             Boolean fileReport, String rationale, String policeReference) {
        return new MeldplichtStepDetails(step, takenAt, informed, null, suspicion, fileReport, rationale, policeReference);
    }

    /**
     * An incident's text is opened by the incident's own read rule (IncidentReaders), also when a service asks
     * on a person's behalf: a teacher who did not record it reads neither the incident nor its text.
     * Before, any teacher of the school had every incident text opened.
     */
    @Test
    void anIncidentsTextIsOpenedOnlyForThoseWhoMayReadTheIncident() {
        String incidentId = record(TEACHER, report(IncidentType.THEFT, Severity.MINOR, new InvolvedParty(PartyRole.PUPIL_VICTIM, "pupil-1")));
        String stored = new String(jdbc.queryForObject("SELECT payload FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = 0",
                byte[].class, incidentId), java.nio.charset.StandardCharsets.UTF_8);
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("msp-enc:v1:signal-service:[^\"]+").matcher(stored);
        List<String> sealed = new java.util.ArrayList<>();
        while (matcher.find()) {
            sealed.add(matcher.group());
        }
        assertThat(sealed).isNotEmpty();

        assertThat(api.get(OTHER_TEACHER, "/api/incidents/" + incidentId).status()).as("the read rule it follows").isEqualTo(403);
        JsonNode forColleague = api.openings(OTHER_TEACHER, sealed).body();
        assertThat(forColleague.findValuesAsText("state")).containsOnly("NOT_PERMITTED");
        assertThat(forColleague.toString()).doesNotContain("Beschrijving van wat er gebeurde.");
        assertThat(api.openings(TEACHER_OTHER_SCHOOL, sealed).body().findValuesAsText("state")).containsOnly("NOT_PERMITTED");
        assertThat(api.openings(TEACHER, sealed).body().findValuesAsText("text")).contains("Beschrijving van wat er gebeurde.");
        assertThat(api.openings(PRINCIPAL, sealed).body().findValuesAsText("state")).containsOnly("OPEN");
    }

    @Test
    void aMeldplichtIncidentIsWalkedFromTheBoardToThePoliceReportAndClosed() {
        // The confidant hears of it, records it and tells the board: the rest of the school does not see it.
        Response recorded = api.post(CONFIDANT, "/api/incidents",
                report(IncidentType.SEXUAL_OFFENCE_BY_STAFF, Severity.SERIOUS,
                        new InvolvedParty(PartyRole.PUPIL_VICTIM, "pupil-7f3a"), new InvolvedParty(PartyRole.STAFF_PERPETRATOR, "staff-12")));
        assertThat(recorded.status()).isEqualTo(201);
        assertThat(recorded.version()).isZero();
        assertThat(recorded.headers().getLocation()).hasToString("/api/incidents/" + recorded.id());
        assertThat(recorded.headers().getETag()).isEqualTo("\"0\"");
        String incidentId = recorded.id();

        JsonNode fresh = incident(BOARD_OFFICER, incidentId);
        assertThat(fresh.path("state").path("track").asText()).isEqualTo("MELDPLICHT");
        assertThat(fresh.path("state").path("meldplicht").asBoolean()).isTrue();
        assertThat(fresh.path("state").path("meldplichtTrack").path("nextStep").asText()).isEqualTo("BOARD_INFORMED");

        ok(api.post(CONFIDANT, path(incidentId, "/meldplicht-steps"),
                meldplicht(MeldplichtStep.BOARD_INFORMED, known.plus(Duration.ofMinutes(40)), List.of("bestuur"), null, null, null, null)));

        Response notTheBoard = api.post(CONFIDANT, path(incidentId, "/meldplicht-steps"),
                meldplicht(MeldplichtStep.INSPECTOR_CONSULTED, known.plus(Duration.ofHours(1)), List.of(), true, null, null, null));
        assertThat(notTheBoard.status()).isEqualTo(403);
        assertThat(notTheBoard.rule()).isEqualTo("ONLY_BOARD_OFFICER");

        ok(api.post(BOARD_OFFICER, path(incidentId, "/meldplicht-steps"),
                meldplicht(MeldplichtStep.INSPECTOR_CONSULTED, known.plus(Duration.ofHours(1)), List.of("vertrouwensinspecteur"), true, null, null, null)));

        long before = incident(BOARD_OFFICER, incidentId).path("version").asLong();
        Response notFiling = api.post(BOARD_OFFICER, path(incidentId, "/meldplicht-steps"),
                meldplicht(MeldplichtStep.POLICE_REPORT_DECIDED, known.plus(Duration.ofHours(2)), List.of(), null, false, "Ouders willen het niet.", null));
        assertThat(notFiling.status()).isEqualTo(422);
        assertThat(notFiling.rule()).isEqualTo("POLICE_REPORT_REQUIRED");
        assertThat(notFiling.headers().getContentType()).hasToString("application/problem+json");
        assertThat(notFiling.body().path("errors").get(0).path("field").asText()).isEqualTo("fileReport");
        assertThat(incident(BOARD_OFFICER, incidentId).path("version").asLong()).isEqualTo(before);

        ok(api.post(BOARD_OFFICER, path(incidentId, "/meldplicht-steps"),
                meldplicht(MeldplichtStep.POLICE_REPORT_DECIDED, known.plus(Duration.ofHours(2)), List.of(), null, true, "Redelijk vermoeden.", null)));
        Response tooEarly = api.post(BOARD_OFFICER, path(incidentId, "/closure"), new IncidentClosure("Afgehandeld."));
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.rule()).isEqualTo("PARTIES_NOT_INFORMED");

        ok(api.post(BOARD_OFFICER, path(incidentId, "/meldplicht-steps"),
                meldplicht(MeldplichtStep.PARTIES_INFORMED, known.plus(Duration.ofHours(3)), List.of("ouders van de leerling", "aangeklaagde"),
                        null, null, null, null)));
        ok(api.post(BOARD_OFFICER, path(incidentId, "/meldplicht-steps"),
                meldplicht(MeldplichtStep.POLICE_REPORT_FILED, known.plus(Duration.ofHours(4)), List.of(), null, null, null, "PV-2026-1187")));
        ok(api.post(BOARD_OFFICER, path(incidentId, "/closure"), new IncidentClosure("Aangifte gedaan; betrokkenen ingelicht.")));

        JsonNode closed = incident(BOARD_OFFICER, incidentId);
        JsonNode state = closed.path("state");
        assertThat(state.path("status").asText()).isEqualTo("CLOSED");
        assertThat(state.path("meldplichtTrack").path("minutesFromFirstKnowledgeToBoard").asInt()).isEqualTo(40);
        assertThat(state.path("meldplichtTrack").path("reasonableSuspicion").asBoolean()).isTrue();
        assertThat(state.path("meldplichtTrack").path("policeReference").asText()).isEqualTo("PV-2026-1187");
        assertThat(state.path("meldplichtTrack").path("complete").asBoolean()).isTrue();
        assertThat(state.path("steps").findValuesAsText("step")).containsExactly(
                "BOARD_INFORMED", "INSPECTOR_CONSULTED", "POLICE_REPORT_DECIDED", "PARTIES_INFORMED", "POLICE_REPORT_FILED");
        assertThat(state.path("steps").get(3).path("informed").get(1).asText()).isEqualTo("aangeklaagde");
        assertThat(closed.path("timeline")).extracting(entry -> entry.path("type").asText()).containsExactly("IncidentRecorded", "MeldplichtStepTaken",
                "MeldplichtStepTaken", "MeldplichtStepTaken", "MeldplichtStepTaken", "MeldplichtStepTaken", "IncidentClosed");
        assertThat(closed.path("timeline").get(1).path("summary").asText()).contains("40 minuten nadat de school het wist");
        assertThat(closed.path("timeline").get(1).path("actor").path("role").asText()).isEqualTo("CONFIDANT");

        List<ConsumerRecord<String, byte[]>> published = published(incidentId, 7);
        assertThat(published).extracting(record -> TopicRecords.header(record, EventHeaders.AGGREGATE_TYPE)).containsOnly("Incident");
        assertThat(TopicRecords.header(published.get(0), EventHeaders.EVENT_TYPE)).isEqualTo("nl.meldspoor.api.incident.IncidentRecorded");
        assertThat(new String(published.get(0).value(), StandardCharsets.UTF_8)).contains("\"meldplicht\":true");

        Response chain = api.get(BOARD_AUDITOR, "/api/audit/chains/" + incidentId);
        assertThat(chain.body().path("valid").asBoolean()).as(chain.body().toString()).isTrue();
        assertThat(chain.body().path("events").asLong()).isEqualTo(7);
        assertThat(api.get(PRINCIPAL, "/api/audit/chains/" + incidentId).status()).isEqualTo(403);
    }

    @Test
    void aBullyingIncidentFollowsTheFiveStepApproachInTheOrderTheSchoolChooses() {
        String incidentId = record(TEACHER, report(IncidentType.CYBERBULLYING_OR_ONLINE_THREATS, Severity.SERIOUS,
                new InvolvedParty(PartyRole.PUPIL_VICTIM, "pupil-7f3a"), new InvolvedParty(PartyRole.PUPIL_PERPETRATOR, "pupil-91bc")));
        assertThat(incident(incidentId).path("state").path("nextSteps").get(0).asText()).contains("gesprek waarbij de directeur aansluit");

        ok(api.post(TEACHER, path(incidentId, "/parents-informed"),
                new ParentsInformed(ParentContactMethod.PHONE_SAME_DAY, known.plus(Duration.ofHours(1)), "Moeder gebeld.")));
        ok(api.post(PRINCIPAL, path(incidentId, "/parents-informed"),
                new ParentsInformed(ParentContactMethod.MEETING_WITH_PRINCIPAL, known.plus(Duration.ofHours(3)), null)));
        ok(api.post(TEACHER, path(incidentId, "/bullying-steps"), new BullyingStepDetails(BullyingStep.MOBILISE_SILENT_MIDDLE_GROUP,
                known.plus(Duration.ofHours(2)), List.of("directie", "gedragscoördinator"), "Kringgesprek over online pesten.")));
        ok(api.post(TEACHER, path(incidentId, "/bullying-steps"), new BullyingStepDetails(BullyingStep.TALK_WITH_BULLIED_PUPIL,
                known.plus(Duration.ofMinutes(30)), List.of("ouders", "directie", "gedragscoördinator"), null)));

        Response wrongTrack = api.post(TEACHER, path(incidentId, "/unsafe-behaviour-actions"), new UnsafeBehaviourActionDetails(
                UnsafeBehaviourAction.PUPIL_SOLVES_OR_ASKS_HELP, known.plus(Duration.ofHours(1)), List.of("ouders"), null));
        assertThat(wrongTrack.status()).isEqualTo(422);
        assertThat(wrongTrack.rule()).isEqualTo("WRONG_TRACK");

        Response nobodyInformed = api.post(TEACHER, path(incidentId, "/bullying-steps"), new BullyingStepDetails(BullyingStep.TALK_WITH_BULLY,
                known.plus(Duration.ofHours(1)), List.of(), null));
        assertThat(nobodyInformed.status()).isEqualTo(422);
        assertThat(nobodyInformed.rule()).isEqualTo("INFORMED_REQUIRED");

        JsonNode state = incident(incidentId).path("state");
        assertThat(state.path("track").asText()).isEqualTo("BULLYING");
        assertThat(state.path("meldplichtTrack").isNull()).isTrue();
        assertThat(state.path("steps").findValuesAsText("step")).containsExactly("TALK_WITH_BULLIED_PUPIL", "MOBILISE_SILENT_MIDDLE_GROUP");
        assertThat(state.path("steps").get(0).path("informed").get(0).asText()).isEqualTo("ouders");
        assertThat(Instant.parse(state.path("steps").get(0).path("takenAt").asText())).isEqualTo(known.plus(Duration.ofMinutes(30)));
        assertThat(state.path("parentsInformed").findValuesAsText("how")).containsExactly("PHONE_SAME_DAY", "MEETING_WITH_PRINCIPAL");
        assertThat(state.path("nextSteps").get(0).asText()).contains("stap 2").contains("stap 3").contains("stap 5").doesNotContain("stap 1");

        ok(api.post(PRINCIPAL, path(incidentId, "/closure"), new IncidentClosure("Pesten gestopt; evaluatie na zes weken.")));
        Response afterClosing = api.post(TEACHER, path(incidentId, "/bullying-steps"), new BullyingStepDetails(BullyingStep.TALK_WITH_BULLY,
                known.plus(Duration.ofHours(1)), List.of("ouders"), null));
        assertThat(afterClosing.status()).isEqualTo(409);
        assertThat(afterClosing.rule()).isEqualTo("INCIDENT_CLOSED");
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsStored() {
        long before = storedEvents();

        Response missing = api.post(TEACHER, "/api/incidents", "{\"schoolId\":\"school-a\",\"occurredAt\":\"2026-01-01T10:00:00Z\",\"parties\":[]}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.rule()).isEqualTo("INVALID_INPUT");
        assertThat(missing.body().path("errors").findValuesAsText("field"))
                .contains("firstKnownAt", "place", "type", "severity", "parties", "description", "immediateMeasures");

        Response future = api.post(TEACHER, "/api/incidents",
                report(Instant.parse("2999-01-01T00:00:00Z"), IncidentType.THEFT, Severity.MINOR, new InvolvedParty(PartyRole.PUPIL_VICTIM, "pupil-1")));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.body().path("errors").get(0).path("field").asText()).isEqualTo("occurredAt");

        Response wrongEnum = api.post(TEACHER, "/api/incidents", json.valueToTree(
                report(IncidentType.THEFT, Severity.MINOR, new InvolvedParty(PartyRole.PUPIL_VICTIM, "pupil-1"))).toString()
                .replace("\"THEFT\"", "\"ROOF\""));
        assertThat(wrongEnum.status()).isEqualTo(400);
        assertThat(wrongEnum.body().path("errors").get(0).path("field").asText()).isEqualTo("type");

        Response knownTooEarly = api.post(TEACHER, "/api/incidents", new IncidentReport("school-a", happened, happened.minusSeconds(60), "gang",
                IncidentType.THEFT, Severity.MINOR, List.of(new InvolvedParty(PartyRole.PUPIL_VICTIM, "pupil-1")), "Jas weg.", "Gezocht.",
                null, false, null, null));
        assertThat(knownTooEarly.status()).isEqualTo(400);
        assertThat(knownTooEarly.rule()).isEqualTo("KNOWN_BEFORE_OCCURRED");
        assertThat(knownTooEarly.body().path("errors").get(0).path("field").asText()).isEqualTo("firstKnownAt");

        Response aName = api.post(TEACHER, "/api/incidents",
                report(IncidentType.THEFT, Severity.MINOR, new InvolvedParty(PartyRole.PUPIL_VICTIM, "Jan de Vries")));
        // The reference's declared format (Identifiers.REFERENCE) refuses a name where it enters; the incident's own
        // rule PARTY_REF_NOT_PSEUDONYMOUS stays behind it for commands that arrive another way.
        assertThat(aName.status()).isEqualTo(400);
        assertThat(aName.rule()).isEqualTo("INVALID_INPUT");
        assertThat(aName.body().path("errors").get(0).path("field").asText()).isEqualTo("parties[0].ref");
        assertThat(aName.body().toString()).doesNotContain("Jan de Vries");

        assertThat(storedEvents()).isEqualTo(before);

        String incidentId = record(TEACHER, report(IncidentType.THEFT, Severity.MINOR, new InvolvedParty(PartyRole.PUPIL_VICTIM, "pupil-1")));
        Response noStep = api.post(TEACHER, path(incidentId, "/unsafe-behaviour-actions"), "{\"takenAt\":\"2999-01-01T00:00:00Z\",\"informed\":[\"\"]}");
        assertThat(noStep.status()).isEqualTo(400);
        assertThat(noStep.body().path("errors").findValuesAsText("field")).contains("action", "takenAt", "informed[0]");
        assertThat(incident(incidentId).path("version").asLong()).isZero();
    }

    @Test
    void aRoleThatMayNotIsForbidden() {
        Response clusterDirector = api.post(CLUSTER_DIRECTOR, "/api/incidents",
                report(IncidentType.VANDALISM, Severity.MINOR, new InvolvedParty(PartyRole.PUPIL_PERPETRATOR, "pupil-1")));
        assertThat(clusterDirector.status()).isEqualTo(403);
        assertThat(clusterDirector.rule()).isEqualTo("ROLE_NOT_PERMITTED");

        String incidentId = record(TEACHER, report(IncidentType.PHYSICAL_VIOLENCE, Severity.SERIOUS,
                new InvolvedParty(PartyRole.PUPIL_PERPETRATOR, "pupil-1"), new InvolvedParty(PartyRole.STAFF_VICTIM, "staff-3")));
        UnsafeBehaviourActionDetails suspension = new UnsafeBehaviourActionDetails(UnsafeBehaviourAction.TIME_OUT_SUSPENSION_EXPULSION,
                known.plus(Duration.ofHours(1)), List.of("ouders", "bestuur"), "Eén dag geschorst.");
        Response byTheTeacher = api.post(TEACHER, path(incidentId, "/unsafe-behaviour-actions"), suspension);
        assertThat(byTheTeacher.status()).isEqualTo(403);
        assertThat(byTheTeacher.rule()).isEqualTo("ONLY_PRINCIPAL_DECIDES_EXCLUSION");
        ok(api.post(PRINCIPAL, path(incidentId, "/unsafe-behaviour-actions"), suspension));
        assertThat(incident(incidentId).path("state").path("steps").get(0).path("takenBy").path("role").asText()).isEqualTo("PRINCIPAL");
    }

    @Test
    void asOfShowsTheIncidentAsTheSystemKnewItThen() {
        String incidentId = record(TEACHER, report(IncidentType.THREATS_OR_INTIMIDATION, Severity.MINOR,
                new InvolvedParty(PartyRole.PUPIL_VICTIM, "pupil-1"), new InvolvedParty(PartyRole.EXTERNAL, "ext-4")));
        Instant beforeTheAction = Instant.now();
        Eventually.within(Duration.ofSeconds(2)).until(() -> Instant.now().isAfter(beforeTheAction.plusMillis(5)));
        ok(api.post(TEACHER, path(incidentId, "/unsafe-behaviour-actions"), new UnsafeBehaviourActionDetails(
                UnsafeBehaviourAction.SCHOOL_AND_PARENTS_TOGETHER, known.plus(Duration.ofHours(1)), List.of("ouders"), null)));

        JsonNode then = api.get(PRINCIPAL, path(incidentId, "?asOf=" + beforeTheAction)).body();
        assertThat(then.path("version").asLong()).isZero();
        assertThat(then.path("state").path("steps")).isEmpty();
        assertThat(incident(incidentId).path("state").path("steps")).hasSize(1);
        assertThat(api.get(PRINCIPAL, path(incidentId, "?asOf=2020-01-01T00:00:00Z")).status()).isEqualTo(404);
    }

    @Test
    void aRetriedRecordingWithTheSameIdempotencyKeyRecordsOneIncident() {
        String body = json.valueToTree(report(IncidentType.THEFT, Severity.MINOR, new InvolvedParty(PartyRole.PUPIL_VICTIM, "pupil-1"))).toString();
        String key = UUID.randomUUID().toString();

        Response first = api.post(TEACHER, "/api/incidents", body, HttpApi.idempotencyKey(key));
        Response retry = api.post(TEACHER, "/api/incidents", body, HttpApi.idempotencyKey(key));

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.id()).isEqualTo(first.id());
        assertThat(retry.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void anUnknownIncidentIsNotFound() {
        String unknown = UUID.randomUUID().toString();
        assertThat(api.get(PRINCIPAL, path(unknown, "")).status()).isEqualTo(404);
        assertThat(api.post(BOARD_OFFICER, path(unknown, "/closure"), new IncidentClosure("Afgehandeld.")).status()).isEqualTo(404);
    }

    @Test
    void theServiceDescribesTheIncidentApiInDutch() {
        JsonNode paths = api.get(PRINCIPAL, "/v3/api-docs").body().path("paths");
        assertThat(paths.has("/api/incidents")).isTrue();
        assertThat(paths.path("/api/incidents/{incidentId}/meldplicht-steps").path("post").path("summary").asText()).startsWith("Meldplicht:");
        assertThat(paths.path("/api/incidents/{incidentId}/meldplicht-steps").path("post").path("parameters").findValuesAsText("name"))
                .contains("If-Match", "Idempotency-Key", "X-Meldspoor-Role");
    }

    private List<ConsumerRecord<String, byte[]>> published(String incidentId, int expected) {
        return TopicRecords.keyed(broker.bootstrapServers(), Topics.SIGNAL_EVENTS, incidentId, expected);
    }

    @Test
    void aMeldplichtIncidentIsReadOnlyByItsRecorderTheBoardsContactPersonAndAnAuditorAndDoesNotExistForTheRestOfTheSchool() {
        String incidentId = record(CONFIDANT, report(IncidentType.SEXUAL_OFFENCE_BY_STAFF, Severity.SERIOUS,
                new InvolvedParty(PartyRole.PUPIL_VICTIM, "pupil-7f3a"), new InvolvedParty(PartyRole.STAFF_PERPETRATOR, "staff-12")));
        String path = path(incidentId, "");

        for (Actor reader : List.of(CONFIDANT, BOARD_OFFICER, SCHOOL_AUDITOR, BOARD_AUDITOR)) {
            Response read = api.get(reader, path);
            assertThat(read.status()).as(reader.personId()).isEqualTo(200);
            assertThat(read.body().toString()).contains("staff-12");
        }
        Response unknown = api.get(PRINCIPAL, path("no-such-incident", ""));
        for (Actor schoolStaff : List.of(PRINCIPAL, IB, ADVISOR, OTHER_CONFIDANT, TEACHER)) {
            Response hidden = api.get(schoolStaff, path);
            assertThat(hidden.status()).as(schoolStaff.personId() + " may be the suspect").isEqualTo(404);
            assertThat(hidden.rule()).as("answered as an unknown incident").isEqualTo(unknown.rule());
            assertThat(hidden.body().toString()).doesNotContain("staff-12").doesNotContain("SEXUAL_OFFENCE").doesNotContain("MELDPLICHT");
        }
        assertThat(api.get(CLUSTER_DIRECTOR, path).rule()).isEqualTo("AGGREGATES_ONLY");

        // Found by AccessMatrixIT: the rest of the school could act on the incident it cannot see (200, or 403 that confirms it).
        Response unknownCommand = api.post(PRINCIPAL, path("no-such-incident", "/parents-informed"),
                new ParentsInformed(ParentContactMethod.PHONE_SAME_DAY, known.plus(Duration.ofHours(1)), null));
        long stored = storedEvents();
        for (Actor schoolStaff : List.of(PRINCIPAL, IB, ADVISOR, OTHER_CONFIDANT, TEACHER)) {
            for (Response acted : List.of(
                    api.post(schoolStaff, path(incidentId, "/parents-informed"),
                            new ParentsInformed(ParentContactMethod.PHONE_SAME_DAY, known.plus(Duration.ofHours(1)), null)),
                    api.post(schoolStaff, path(incidentId, "/meldplicht-steps"),
                            meldplicht(MeldplichtStep.BOARD_INFORMED, known.plus(Duration.ofMinutes(40)), List.of("bestuur"), null, null, null, null)),
                    api.post(schoolStaff, path(incidentId, "/closure"), new IncidentClosure("Afgehandeld.")))) {
                assertThat(acted.status()).as(schoolStaff.personId() + " acting on a hidden meldplicht incident").isEqualTo(404);
                assertThat(acted.rule()).as("answered as an unknown incident").isEqualTo(unknownCommand.rule());
            }
        }
        assertThat(storedEvents()).isEqualTo(stored);
        ok(api.post(CONFIDANT, path(incidentId, "/meldplicht-steps"),
                meldplicht(MeldplichtStep.BOARD_INFORMED, known.plus(Duration.ofMinutes(40)), List.of("bestuur"), null, null, null, null)));

        String recordedByPrincipal = record(PRINCIPAL, report(IncidentType.SEXUAL_OFFENCE_BY_STAFF, Severity.SERIOUS,
                new InvolvedParty(PartyRole.STAFF_PERPETRATOR, "staff-13")));
        assertThat(api.get(PRINCIPAL, path(recordedByPrincipal, "")).status()).as("the recorder reads it").isEqualTo(200);
        assertThat(api.get(CONFIDANT, path(recordedByPrincipal, "")).status()).isEqualTo(404);
    }

    @Test
    void incidentsAreReadAndChangedOnlyByStaffWhoNeedToKnow() {
        String incidentId = record(TEACHER, report(IncidentType.THEFT, Severity.MINOR, new InvolvedParty(PartyRole.PUPIL_VICTIM, "pupil-7f3a")));
        String path = path(incidentId, "");

        assertThat(api.get(PRINCIPAL, path).status()).isEqualTo(200);
        assertThat(api.get(CONFIDANT, path).status()).isEqualTo(200);
        assertThat(api.get(TEACHER, path).status()).isEqualTo(200);
        Response otherTeacher = api.get(OTHER_TEACHER, path);
        Response otherSchool = api.get(PRINCIPAL_OTHER_SCHOOL, path);
        Response cluster = api.get(CLUSTER_DIRECTOR, path);
        Response boardOutsideMeldplicht = api.get(BOARD_OFFICER, path);
        assertThat(List.of(otherTeacher.rule(), otherSchool.rule(), cluster.rule(), boardOutsideMeldplicht.rule()))
                .containsExactly("ROLE_NOT_PERMITTED", "NOT_YOUR_SCHOOL", "AGGREGATES_ONLY", "ROLE_NOT_PERMITTED");
        for (Response refused : List.of(otherTeacher, otherSchool, cluster, boardOutsideMeldplicht)) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.body().toString()).doesNotContain("pupil-7f3a");
        }

        Response recordedForAnotherSchool = api.post(TEACHER_OTHER_SCHOOL, "/api/incidents",
                report(IncidentType.THEFT, Severity.MINOR, new InvolvedParty(PartyRole.PUPIL_VICTIM, "pupil-7f3a")));
        assertThat(recordedForAnotherSchool.status()).isEqualTo(403);
        assertThat(recordedForAnotherSchool.rule()).isEqualTo("NOT_YOUR_SCHOOL");
    }

    @Test
    void theBoardsContactPersonRecordsAMeldplichtIncidentThatReachedTheBoardDirectlyButNoOtherIncident() {
        // Found by AccessMatrixIT: the board-wide contact person was refused NOT_YOUR_SCHOOL for every school.
        String incidentId = record(BOARD_OFFICER, report(IncidentType.SEXUAL_OFFENCE_BY_STAFF, Severity.SERIOUS,
                new InvolvedParty(PartyRole.PUPIL_VICTIM, "pupil-7f3a"), new InvolvedParty(PartyRole.STAFF_PERPETRATOR, "staff-14")));
        assertThat(api.get(BOARD_OFFICER, path(incidentId, "")).status()).isEqualTo(200);
        assertThat(api.get(PRINCIPAL, path(incidentId, "")).status()).as("hidden from the school").isEqualTo(404);

        Response theft = api.post(BOARD_OFFICER, "/api/incidents", report(IncidentType.THEFT, Severity.MINOR,
                new InvolvedParty(PartyRole.PUPIL_VICTIM, "pupil-7f3a")));
        assertThat(theft.status()).isEqualTo(403);
        assertThat(theft.rule()).isEqualTo("NOT_YOUR_SCHOOL");
    }
}
