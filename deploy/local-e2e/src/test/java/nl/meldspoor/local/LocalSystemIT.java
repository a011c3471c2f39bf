package nl.meldspoor.local;

import nl.meldspoor.engines.FreePorts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.common.Topics;
import nl.meldspoor.api.incident.IncidentReport;
import nl.meldspoor.api.incident.IncidentType;
import nl.meldspoor.api.incident.InvolvedParty;
import nl.meldspoor.api.incident.ParentContactMethod;
import nl.meldspoor.api.incident.ParentsInformed;
import nl.meldspoor.api.incident.PartyRole;
import nl.meldspoor.api.incident.Severity;
import nl.meldspoor.api.incident.UnsafeBehaviourAction;
import nl.meldspoor.api.incident.UnsafeBehaviourActionDetails;
import nl.meldspoor.api.meldcase.AttachedSignal;
import nl.meldspoor.api.meldcase.CaseOpening;
import nl.meldspoor.api.meldcase.CaseTeam;
import nl.meldspoor.api.meldcase.ColleagueConsultation;
import nl.meldspoor.api.meldcase.Kindcheck;
import nl.meldspoor.api.meldcase.ParentConversation;
import nl.meldspoor.api.meldcase.SameSignals;
import nl.meldspoor.api.signal.InformationOrigin;
import nl.meldspoor.api.signal.SignalCategory;
import nl.meldspoor.api.signal.Escalation;
import nl.meldspoor.api.signal.SignalContent;
import nl.meldspoor.api.signal.SignalFlag;
import nl.meldspoor.api.signal.SignalRecording;
import nl.meldspoor.api.signal.Statement;
import nl.meldspoor.api.signal.StatementKind;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on the embedded engines, with every service as its own process as in deploy/local:
 * commands through the case- and signal-service's HTTP APIs, the event stores, Kafka, the
 * reporting-service's read models and its query API.
 */
// a whole system of its own, with other settings: starting it beside the shared one would slow both
@Isolated
class LocalSystemIT {

    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final Actor IB = new Actor("ib-a", Role.CARE_COORDINATOR);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path data;
    private static LocalSystem system;

    @BeforeAll
    static void startTheSystem() throws Exception {
        Path root = Path.of(System.getProperty("meldspoor.local.root", "../..")).toAbsolutePath().normalize();
        // No retention for pupils' files here, so that the erasure of their text can be seen end to end.
        LocalSettings settings = new LocalSettings(root, data, freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), true)
                .withArguments("signal-service", "--meldspoor.retention.pupil-file=P0D");
        // For the latency probe's before/after: e.g. -Dmeldspoor.probe.write-service-args="--meldspoor.event-store.wake-after-transaction=false --meldspoor.event-store.fetch-delay=1s"
        String writeServiceArguments = System.getProperty("meldspoor.probe.write-service-args", "").trim();
        if (!writeServiceArguments.isEmpty()) {
            settings = settings.withArguments("case-service", writeServiceArguments.split("\\s+"))
                    .withArguments("signal-service", writeServiceArguments.split("\\s+"));
        }
        // The demo staff without the demo board (DemoBoardIT checks the board on the shared system): every test here makes its
        // own pupils and cases, and the board's commands were a third of this system's start.
        LocalSystem.withoutDemoBoard(data);
        system = new LocalSystem(settings);
        system.start();
    }

    @AfterAll
    static void stopTheSystem() {
        if (system != null) {
            system.close();
        }
    }

    private static int freePort() throws IOException {
        return FreePorts.free();
    }

    /** Who of the demo staff reads what: the board's contact person the board, a school's principal its school, the auditor a case. */
    private static String readerOf(String url) {
        java.util.regex.Matcher school = java.util.regex.Pattern.compile("/school-([a-e])").matcher(url);
        if (url.contains("/dashboards/board/")) {
            return "bo-bestuur";
        }
        return school.find() ? "dir-" + school.group(1) : "audit-inspectie";
    }

    private static HttpResponse<String> send(String person, String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().header("Authorization", system.tokens().authorization(person)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode get(String url) {
        try {
            return JSON.readTree(send(readerOf(url), url).body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(String url) throws Exception {
        HttpResponse<String> response = send(readerOf(url), url);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static JsonNode post(String path, Object body) throws Exception {
        return post(IB, system.caseServiceUrl(), path, body);
    }

    private static JsonNode post(String service, String path, Object body) throws Exception {
        return post(IB, service, path, body);
    }

    private static JsonNode post(Actor actor, String service, String path, Object body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service + path))
                .header("Content-Type", "application/json")
                .header("Authorization", system.tokens().authorization(actor.personId()))
                .header("X-Meldspoor-Role", actor.role().name())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isLessThan(300);
        return JSON.readTree(response.body());
    }

    /** Signals are recorded only for pupils their school registered: the school's IB'er registers one, the registry hands out the reference. */
    private static String registerPupil(String schoolId, String familyRef) throws Exception {
        Map<String, Object> identity = new java.util.HashMap<>(Map.of("givenName", "Kim", "familyName", "E2e-" + System.nanoTime(),
                "birthDate", "2017-03-02", "group", 4));
        if (familyRef != null) {
            identity.put("familyRef", familyRef);
        }
        Actor ib = new Actor("ib-" + schoolId.substring(schoolId.length() - 1), Role.CARE_COORDINATOR);
        return post(ib, system.signalServiceUrl(), "/api/schools/" + schoolId + "/pupils", identity).path("pupilRef").asText();
    }

    private static JsonNode awaitDossier(String caseId, int entries) {
        return Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> get(system.reportingServiceUrl() + "/api/dossiers/" + caseId), dossier -> dossier.path("entries").size() == entries);
    }

    private static String openCase(String pupilRef) throws Exception {
        SignalContent content = new SignalContent(Instant.now().minusSeconds(3600), "gymzaal", "omkleden",
                List.of(new Statement("Blauwe plekken op de armen.", StatementKind.FACT, InformationOrigin.OWN_OBSERVATION, null)),
                List.of(), SignalCategory.HOME_SITUATION, Set.of(), List.of(), new Actor("lk-a", Role.TEACHER));
        CaseOpening opening = new CaseOpening("school-a", pupilRef, null, new CaseTeam(IB.personId(), "af-b", "school-b", "dir-a"),
                "Zorgen.", List.of(new AttachedSignal("sig-" + pupilRef, content)));
        return post("/api/cases", opening).path("id").asText();
    }

    /** Steps of a case are dated now: the case refuses a step dated before it was opened (moments ago). */
    private static ColleagueConsultation consultation() {
        return new ColleagueConsultation(Instant.now(), "lk-b", "vorige leerkracht", "De signalen.", SameSignals.YES, null);
    }

    private static ParentConversation conversation() {
        return new ParentConversation(Instant.now(), List.of(IB.personId()), List.of("moeder"), "De zorgen.",
                "Moeder herkent het.", null, new Kindcheck(true, "Geen andere kinderen."));
    }

    /**
     * The README's walk-through ({@link ReadmeWalkThrough}), its blocks run as written: a signal recorded and escalated,
     * the case it opens walked through the five steps, and what the README says each part shows.
     */
    @Test
    void theReadmesWalkThroughRunsAsWrittenFromASignalToAClosedDossier() throws Exception {
        ReadmeWalkThrough.assumeShellTools();
        Path root = Path.of(System.getProperty("meldspoor.local.root", "../..")).toAbsolutePath().normalize();
        long started = System.nanoTime();
        ReadmeWalkThrough.Walk walk = ReadmeWalkThrough.run(root, system, Files.createDirectories(data.resolve("readme-walk")));
        System.out.printf("LocalSystemIT: the README's walk-through took %d s%n", Duration.ofNanos(System.nanoTime() - started).toSeconds());
        String caseId = walk.variables().get("CASE");
        String pupil = walk.variables().get("PUPIL");
        String signalId = walk.variables().get("SIGNAL");
        assertThat(caseId).as(walk.toString()).isNotBlank().isNotEqualTo("null");
        assertThat(pupil).as(walk.toString()).startsWith("lln-");

        // Every command succeeds but the one the README shows being refused; a polled request counts by its last answer.
        ReadmeWalkThrough.Request refused = walk.last("/report-decision ", "\"reportNecessary\":false");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().path("rule").asText()).isEqualTo("MELDNORM_REQUIRES_REPORT");
        java.util.Map<String, ReadmeWalkThrough.Request> lastOfEach = new java.util.LinkedHashMap<>();
        walk.requests().forEach(request -> lastOfEach.put(request.arguments(), request));
        assertThat(lastOfEach.values()).as(walk.toString()).filteredOn(request -> request != refused)
                .allSatisfy(request -> assertThat(request.status()).as(request.arguments()).isBetween(200, 299));

        // Step 1: the teacher's disclosure takes the urgent path; the escalation is accepted and opens the case with the signal.
        JsonNode recorded = walk.last("/api/pupils/" + pupil + "/signals ", "DISCLOSURE").json();
        assertThat(recorded.path("urgentPath").asBoolean()).isTrue();
        assertThat(recorded.path("advice")).isNotEmpty();
        assertThat(walk.last("/api/pupils/" + pupil + "/escalations").status()).isEqualTo(202);

        // The case as it stands at the end, the full timeline, and the timeline as the school knew it before the safety question.
        JsonNode state = walk.last("/api/cases/" + caseId + " ").json();
        assertThat(state.path("status").asText()).isEqualTo("CLOSED");
        assertThat(state.path("signals").findValuesAsText("signalId")).containsExactly(signalId);
        assertThat(state.path("reports").get(0).path("veiligThuisReference").asText()).isEqualTo("VT-2026-0042");
        assertThat(state.path("reports").get(0).path("onBehalfOfPrincipalId").asText()).isEqualTo("dir-a");
        assertThat(walk.last("/closure ").status()).isEqualTo(200);
        JsonNode timeline = walk.last("/api/cases/" + caseId + "/timeline ").json();
        assertThat(state.path("reports").get(0).path("meldnorm").asText()).as("reported under meldnorm 1").isEqualTo("ACUTE_OR_STRUCTURAL_UNSAFETY");
        assertThat(timeline.path("entries").size()).as(timeline.toString()).isGreaterThan(10);
        JsonNode then = walk.last("/api/cases/" + caseId + "/timeline?asOf=").json();
        assertThat(then.path("state").path("afwegingskader").path("answers").path("VERMOEDEN").asText()).isEqualTo("YES");
        assertThat(then.path("state").path("afwegingskader").path("meldnorm").isNull()).as(then.toString()).isTrue();
        assertThat(then.path("state").path("reportDecision").isNull()).isTrue();
        assertThat(then.toString()).doesNotContain("ACUTE_OR_STRUCTURAL_UNSAFETY");
        assertThat(walk.output()).as("the walk-through prints the timeline's summaries").contains("Stap 5");
        ReadmeWalkThrough.Request views = walk.last("/api/cases/" + caseId + "/views?");
        assertThat(views.status()).isEqualTo(200);
        assertThat(views.json().path("totalElements").asLong()).as("the walk-through's own reads of the case").isGreaterThanOrEqualTo(views.json().path("entries").size());
        assertThat(views.json().path("size").asInt()).isEqualTo(20);

        // The read side: the closed dossier, the rapportage, the pupil file and the IB'er's overview hold the case and the signal.
        JsonNode dossier = walk.last("/api/dossiers/" + caseId + " ").json();
        assertThat(dossier.path("state").path("status").asText()).isEqualTo("CLOSED");
        assertThat(dossier.path("entries").size()).isEqualTo(timeline.path("entries").size());
        assertThat(walk.last("/api/dossiers/" + caseId + "/rapportage").json().isObject()).isTrue();
        assertThat(walk.last("/api/pupils/" + pupil + "/signals", "-s -H").answer()).contains(signalId).contains(caseId);
        assertThat(walk.last("/api/schools/school-a/pupils/" + pupil + "/signals").answer()).contains(signalId);
        assertThat(walk.last("/api/schools/school-a/cases?status=CLOSED").json().path("cases").findValuesAsText("caseId")).contains(caseId);

        // The README says a token is valid for 30 minutes.
        String[] jwt = walk.variables().get("TOKEN").split("\\.");
        JsonNode claims = JSON.readTree(java.util.Base64.getUrlDecoder().decode(jwt[1]));
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(Duration.ofMinutes(30).toSeconds());
    }

    @Test
    void aCommandOnTheCaseServiceShowsUpInTheDossier() throws Exception {
        String caseId = openCase("e2e-flow");
        post("/api/cases/" + caseId + "/colleague-consultations", consultation());

        JsonNode dossier = awaitDossier(caseId, 2);
        assertThat(dossier.path("state").path("currentStep").asInt()).isEqualTo(2);
        assertThat(dossier.toString()).as("sealed in the read model, opened at the case-service for the reader")
                .contains("Blauwe plekken op de armen.").doesNotContain("msp-enc:");
        assertThat(dossier.path("entries").get(1).path("summary").asText()).startsWith("Stap 2");
        JsonNode list = get(system.reportingServiceUrl() + "/api/schools/school-a/cases?step=2");
        assertThat(list.path("cases").findValuesAsText("caseId")).contains(caseId);
    }

    /**
     * Probe of issue 14: commands spaced like real use (some back to back, some 300–900 ms apart), each
     * timed from its answer to the moment the reporting-service's dossier shows it. Prints p50/p95/max
     * (the JVM settings are the local system's: -Xmx512m, serial GC, C1 only); asserts only that every
     * command becomes visible. With -Dmeldspoor.probe.idle-cpu=30s it also prints the CPU the case- and
     * signal-service use while idle for that long.
     */
    @Test
    void everyCommandSpacedLikeRealUseBecomesVisibleInTheDossier() throws Exception {
        java.util.Random spacing = new java.util.Random(14);
        int cases = 12;
        try (VisibilityProbe probe = new VisibilityProbe(expected ->
                get(system.reportingServiceUrl() + "/api/dossiers/" + expected.caseId()).path("entries").size() >= expected.entries())) {
            for (int i = 0; i < cases; i++) {
                String caseId = openCase("latency-" + i + "-" + System.nanoTime());
                probe.answered(caseId, 1);
                thinkTime(spacing);
                post("/api/cases/" + caseId + "/colleague-consultations", consultation());
                probe.answered(caseId, 2);
                thinkTime(spacing);
            }
            Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(100)).until(() -> probe.outstanding() == 0);
            System.out.println("[latency-probe] command answered -> visible in the dossier: " + probe.figures()
                    + " (write services: " + System.getProperty("meldspoor.probe.write-service-args", "application.yml defaults") + ")");
        }
        String idle = System.getProperty("meldspoor.probe.idle-cpu", "").trim();
        if (!idle.isEmpty()) {
            Duration window = Duration.parse("PT" + idle.toUpperCase());
            Duration before = cpuOfWriteServices();
            java.util.concurrent.locks.LockSupport.parkNanos(window.toNanos()); // the idle window itself, not a wait for consistency
            System.out.println("[latency-probe] idle CPU of case- and signal-service over " + window.toSeconds() + " s: "
                    + cpuOfWriteServices().minus(before).toMillis() + " ms");
        }
    }

    /** Every third command follows the previous one at once; the others after 300–900 ms, as a person works. */
    private static void thinkTime(java.util.Random spacing) {
        if (spacing.nextInt(3) > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(300 + spacing.nextInt(601)).toNanos());
        }
    }

    private static Duration cpuOfWriteServices() {
        return ProcessHandle.current().descendants()
                .filter(process -> process.info().commandLine().map(line -> line.contains("case-service") || line.contains("signal-service")).orElse(false))
                .map(process -> process.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }

    @Test
    void anEscalationMadeWhileTheCaseServiceIsDownOpensTheCaseOnceItIsBack() throws Exception {
        String pupil = registerPupil("school-a", null);
        SignalRecording recording = new SignalRecording("school-a", null, Instant.now().minusSeconds(3600), "gymzaal", "omkleden",
                List.of(new Statement("Blauwe plekken op de rug.", StatementKind.FACT, InformationOrigin.OWN_OBSERVATION, null)),
                List.of(), SignalCategory.HOME_SITUATION, Set.of(), List.of());
        String signalId = post(system.signalServiceUrl(), "/api/pupils/" + pupil + "/signals", recording).path("signalId").asText();

        system.stopService("case-service");
        String caseId;
        try {
            caseId = post(system.signalServiceUrl(), "/api/pupils/" + pupil + "/escalations", new Escalation("school-a", List.of(signalId),
                    new CaseTeam(IB.personId(), "af-b", "school-b", "dir-a"), "Herhaalde blauwe plekken.")).path("caseId").asText();
        } finally {
            system.restartService("case-service");
        }

        JsonNode state = Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> get(system.caseServiceUrl() + "/api/cases/" + caseId), body -> body.has("caseId"));
        assertThat(state.path("version").asLong()).isZero();
        assertThat(state.path("signals").findValuesAsText("signalId")).containsExactly(signalId);
        assertThat(state.toString()).as("the signal's copy keeps the signal-service's seal, opened there for the reader")
                .contains("Blauwe plekken op de rug.").doesNotContain("msp-enc:");
        JsonNode dossier = awaitDossier(caseId, 1);
        assertThat(dossier.path("state").path("pupilRef").asText()).isEqualTo(pupil);
    }

    @Test
    void kafkaStoppedAndRestartedMidRunLosesNothing() throws Exception {
        String caseId = openCase("e2e-outage");
        awaitDossier(caseId, 1);

        system.engines().kafka().stop();
        try {
            post("/api/cases/" + caseId + "/colleague-consultations", consultation());
            post("/api/cases/" + caseId + "/parent-conversations", conversation());
        } finally {
            system.engines().kafka().start();
        }

        JsonNode dossier = awaitDossier(caseId, 3);
        assertThat(dossier.path("entries").findValuesAsText("type")).containsExactly("CaseOpened", "ColleagueConsulted", "ParentsTalkedTo");
    }

    @Test
    void anIncidentRecordedOverHttpReachesTheRegisterItsExportAndTheDashboards() throws Exception {
        Instant occurred = Instant.now().minus(Duration.ofDays(2));
        IncidentReport report = new IncidentReport("school-d", occurred, occurred.plusSeconds(600), "fietsenstalling",
                IncidentType.WEAPON_STABBING, Severity.SERIOUS,
                List.of(new InvolvedParty(PartyRole.PUPIL_PERPETRATOR, "p-e2e-mes"), new InvolvedParty(PartyRole.PUPIL_VICTIM, "p-e2e-bedreigd")),
                "Een leerling liet een mes zien en bedreigde een klasgenoot.", "Mes ingenomen, leerlingen apart gezet.",
                new ParentsInformed(ParentContactMethod.PHONE_SAME_DAY, occurred.plusSeconds(3600), null), false, null, null);
        String incidentId = post(new Actor("ib-d", Role.CARE_COORDINATOR), system.signalServiceUrl(), "/api/incidents", report).path("id").asText();
        post(new Actor("ib-d", Role.CARE_COORDINATOR), system.signalServiceUrl(), "/api/incidents/" + incidentId + "/unsafe-behaviour-actions", new UnsafeBehaviourActionDetails(
                UnsafeBehaviourAction.SCHOOL_AND_PARENTS_TOGETHER, occurred.plusSeconds(7200), List.of("ouders", "directie"), "Gesprek met ouders."));

        String school = system.reportingServiceUrl() + "/api/schools/school-d";
        JsonNode register = Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> get(school + "/incidents?type=WEAPON_STABBING&protocolStatus=IN_PROGRESS"),
                        page -> page.path("incidents").findValuesAsText("incidentId").contains(incidentId));
        assertThat(register.path("incidents").get(0).path("protocolSteps").asInt()).isEqualTo(1);
        assertThat(text(school + "/incidents.csv?type=WEAPON_STABBING")).contains(incidentId);

        awaitDashboardCounters();
        JsonNode schoolFigures = get(system.reportingServiceUrl() + "/api/dashboards/school/school-d").path("totals").path("incidents");
        assertThat(schoolFigures.path("byType").path("WEAPON_STABBING").path("value").asInt()).isEqualTo(1);
        JsonNode schoolForTheBoard = getAs("bo-bestuur", system.reportingServiceUrl() + "/api/dashboards/school/school-d").path("totals").path("incidents");
        assertThat(schoolForTheBoard.path("byType").path("WEAPON_STABBING").path("suppressed").asBoolean())
                .as("exact figures are for the school's own staff only").isTrue();
        JsonNode boardFigures = get(system.reportingServiceUrl() + "/api/dashboards/board/bestuur-voorbeeld").path("totals").path("incidents");
        assertThat(boardFigures.path("byType").path("WEAPON_STABBING").path("suppressed").asBoolean()).isTrue();
        assertThat(boardFigures.path("byType").path("WEAPON_STABBING").path("value").isNull()).isTrue();
    }

    @Test
    void aSignalAboutASiblingShowsTheEarlierSignalAndReachesThePupilOverview() throws Exception {
        String family = "gezin-e2e-" + System.nanoTime();
        SignalRecording first = new SignalRecording("school-c", family, Instant.now().minusSeconds(7200), "schoolplein", "buitenspelen",
                List.of(new Statement("Huilt bij het ophalen.", StatementKind.FACT, InformationOrigin.OWN_OBSERVATION, null)),
                List.of(), SignalCategory.SOCIAL_EMOTIONAL, Set.of(), List.of());
        String oldest = registerPupil("school-c", family);
        String youngest = registerPupil("school-c", family);
        String olderSignal = post(new Actor("ib-c", Role.CARE_COORDINATOR), system.signalServiceUrl(), "/api/pupils/" + oldest + "/signals", first).path("signalId").asText();
        SignalRecording second = new SignalRecording("school-c", family, Instant.now().minusSeconds(3600), "klaslokaal", "kringgesprek",
                List.of(new Statement("Vertelt dat het thuis onrustig is.", StatementKind.FACT, InformationOrigin.OWN_OBSERVATION, null)),
                List.of(), SignalCategory.HOME_SITUATION, Set.of(), List.of());
        JsonNode accepted = post(new Actor("ib-c", Role.CARE_COORDINATOR), system.signalServiceUrl(), "/api/pupils/" + youngest + "/signals", second);
        assertThat(accepted.path("lookBack").path("siblingSignals").findValuesAsText("signalId")).containsExactly(olderSignal);

        JsonNode overview = Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> get(system.reportingServiceUrl() + "/api/schools/school-c/pupils/" + youngest + "/signals"),
                        body -> body.path("siblingSignals").size() == 1);
        assertThat(overview.path("signals").findValuesAsText("signalId")).containsExactly(accepted.path("signalId").asText());
        assertThat(overview.path("siblingSignals").get(0).path("pupilRef").asText()).isEqualTo(oldest);
    }

    @Test
    void anUrgentSignalReachesTheInboxOfTheSchoolsIbAndItsMailTheLocalMailArchive() throws Exception {
        String pupil = registerPupil("school-b", null);
        SignalRecording recording = new SignalRecording("school-b", null, Instant.now().minusSeconds(600), "klaslokaal", "kringgesprek",
                List.of(new Statement("Vertelt dat papa hem slaat.", StatementKind.FACT, InformationOrigin.OWN_OBSERVATION, null)),
                List.of(), SignalCategory.HOME_SITUATION, Set.of(SignalFlag.DISCLOSURE), List.of());
        post(new Actor("lk-b", Role.TEACHER), system.signalServiceUrl(), "/api/pupils/" + pupil + "/signals", recording);

        JsonNode inbox = Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> getAs("ib-b", system.notificationServiceUrl() + "/api/inbox?size=100"),
                        page -> page.path("notifications").findValuesAsText("reference").stream().anyMatch(reference -> reference.contains(pupil)));
        assertThat(inbox.path("notifications")).filteredOn(item -> item.path("reference").asText().contains(pupil))
                .singleElement().satisfies(item -> assertThat(item.path("type").asText()).isEqualTo("URGENT_SIGNAL"));
        Path mail = Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(500))
                .until(() -> mailMentioning(pupil, "ib-b@regenboog.example"), found -> found != null);
        try (InputStream in = Files.newInputStream(mail)) {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
            assertThat(message.getSubject()).startsWith("[Meldspoor] Urgent signaal").doesNotContain(pupil);
            assertThat(message.getContent().toString()).contains("Veilig Thuis");
        }
    }

    /** An archived mail to this address whose text names the pupil (the subject never does). */
    private static Path mailMentioning(String text, String address) throws IOException {
        try (Stream<Path> files = Files.list(system.engines().mailArchive())) {
            return files.filter(file -> {
                try (InputStream in = Files.newInputStream(file)) {
                    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
                    return message.getContent().toString().contains(text)
                            && message.getRecipients(Message.RecipientType.TO)[0].toString().equals(address);
                } catch (IOException | MessagingException e) {
                    return false;
                }
            }).findFirst().orElse(null);
        }
    }

    /**
     * The dashboards read their own projection (dashboard-counters) with its own consumer: wait until it has applied at
     * least what the other read models have, whose views the test awaited, before reading a dashboard.
     */
    private void awaitDashboardCounters() {
        Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> getAs(DemoStaff.ADMINISTRATOR, system.reportingServiceUrl() + "/actuator/health")
                        .path("components").path("readModels").path("details"), details -> {
                    JsonNode counters = details.path("dashboard-counters").path("position");
                    for (String readModel : List.of("meldcode-cases", "pupil-signals", "incident-register")) {
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

    private static JsonNode getAs(String person, String url) throws Exception {
        return JSON.readTree(send(person, url).body());
    }

    @Test
    void theLocalIssuersTokensAreCheckedAndTheStaffDirectoryDecides() throws Exception {
        String caseId = openCase("pupil-token-" + UUID.randomUUID().toString().substring(0, 8));
        String state = system.caseServiceUrl() + "/api/cases/" + caseId;

        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(state)).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .as("no token").isEqualTo(401);
        assertThat(send("ib-a", state).statusCode()).isEqualTo(200);
        assertThat(send("ib-c", state).statusCode()).as("IB of another school").isEqualTo(403);
        assertThat(send("cd-noord", state).statusCode()).as("cluster director").isEqualTo(403);
        assertThat(send("audit-inspectie", state).statusCode()).as("auditor").isEqualTo(200);
        JsonNode me = JSON.readTree(send("dir-a", system.reportingServiceUrl() + "/api/me").body());
        assertThat(me.path("roles").get(0).path("role").asText()).isEqualTo("PRINCIPAL");

        String accessLog = system.reportingServiceUrl() + "/api/schools/school-a/access-log?recordId=" + caseId;
        JsonNode entries = Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> JSON.readTree(send("dir-a", accessLog).body()).path("entries"),
                        found -> found.findValuesAsText("personId").contains("audit-inspectie"));
        assertThat(entries.findValuesAsText("personId")).contains("ib-a", "audit-inspectie").doesNotContain("ib-c", "cd-noord");
        assertThat(entries.findValuesAsText("kind")).contains("CASE_STATE");
    }

    @Test
    void aSignalsTextIsSealedOnKafkaAndOnceItsRetentionPeriodPassedUnreadableEverywhereWhileTheCountsStay() throws Exception {
        String pupil = registerPupil("school-e", null);
        String identifying = "Noor uit groep 6 vertelt dat haar oom haar opsluit in de kelder";
        SignalRecording recording = new SignalRecording("school-e", null, Instant.now().minusSeconds(3600), "klaslokaal", "kringgesprek",
                List.of(new Statement(identifying, StatementKind.FACT, InformationOrigin.OWN_OBSERVATION, null)),
                List.of(), SignalCategory.HOME_SITUATION, Set.of(), List.of());
        post(new Actor("lk-e", Role.TEACHER), system.signalServiceUrl(), "/api/pupils/" + pupil + "/signals", recording);
        String overview = system.reportingServiceUrl() + "/api/schools/school-e/pupils/" + pupil + "/signals";
        String dashboard = system.reportingServiceUrl() + "/api/dashboards/school/school-e";

        JsonNode readable = Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> get(overview), body -> body.path("signals").size() == 1);
        assertThat(readable.findValuesAsText("text")).as("opened at the signal-service for the principal").contains(identifying);
        String schoolLog = system.reportingServiceUrl() + "/api/schools/school-e/access-log?recordId=" + pupil;
        JsonNode logged = Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> JSON.readTree(send("dir-e", schoolLog).body()).path("entries"),
                        found -> found.findValuesAsText("kind").contains("PUPIL_SIGNALS"));
        assertThat(logged.findValuesAsText("personId")).as("the opening at the signal-service is logged like a read").contains("dir-e");
        HttpResponse<String> direct = HTTP.send(HttpRequest.newBuilder(URI.create(system.signalServiceUrl() + "/api/personal-data/openings"))
                .header("Authorization", system.tokens().authorization("dir-e")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"texts\":[]}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(direct.statusCode()).as("a person's token alone, without a service's credential").isEqualTo(403);
        assertThat(JSON.readTree(direct.body()).path("rule").asText()).isEqualTo("SERVICE_CREDENTIAL_REQUIRED");
        assertThat(publishedValues(Topics.SIGNAL_EVENTS, pupil, 1)).noneMatch(value -> value.contains("Noor") || value.contains("kelder"));
        awaitDashboardCounters();
        int signalsBefore = get(dashboard).path("totals").path("signals").path("recorded").path("value").asInt();

        JsonNode erasure = post(new Actor(DemoStaff.ADMINISTRATOR, Role.BOARD_OFFICER), system.signalServiceUrl(), "/api/admin/retention/erasures", Map.of());
        assertThat(erasure.path("erased").asInt()).isPositive();

        JsonNode erased = Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> get(overview), body -> !body.toString().contains("Noor"));
        assertThat(erased.findValuesAsText("text")).containsOnly(PERSONAL_DATA_ERASED);
        assertThat(erased.path("signals").get(0).findValuesAsText("category")).contains("HOME_SITUATION");
        assertThat(getAs("ib-e", system.signalServiceUrl() + "/api/pupils/" + pupil + "/signals").findValuesAsText("text"))
                .containsOnly(PERSONAL_DATA_ERASED);
        assertThat(get(dashboard).path("totals").path("signals").path("recorded").path("value").asInt()).isEqualTo(signalsBefore);
        assertThat(publishedValues(Topics.SIGNAL_EVENTS, pupil, 2)).noneMatch(value -> value.contains("Noor") || value.contains("kelder"));

        post(new Actor(DemoStaff.ADMINISTRATOR, Role.BOARD_OFFICER), system.reportingServiceUrl(), "/api/admin/read-models/pupil-signals/rebuild", Map.of());
        JsonNode rebuilt = Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> get(overview), body -> body.path("signals").size() == 1);
        assertThat(rebuilt.findValuesAsText("text")).as("a rebuilt read model shows the text as removed").containsOnly(PERSONAL_DATA_ERASED);
        // The rebuild replays every signal of the board; once it has caught up the count is what it was.
        Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> get(dashboard).path("totals").path("signals").path("recorded").path("value").asInt(), count -> count == signalsBefore);
    }

    private static final String PERSONAL_DATA_ERASED = "[verwijderd na de bewaartermijn]";

    /** The values of the records with this key on the topic, as text, once at least {@code expected} have arrived. */
    private static List<String> publishedValues(String topic, String key, int expected) {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", system.engines().kafkaBootstrapServers());
        properties.put("group.id", "e2e-" + UUID.randomUUID());
        properties.put("auto.offset.reset", "earliest");
        List<String> values = new java.util.ArrayList<>();
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<>(properties,
                new org.apache.kafka.common.serialization.StringDeserializer(), new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            return Awaitility.await().atMost(DEADLINE).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (key.equals(record.key())) {
                        values.add(new String(record.value(), java.nio.charset.StandardCharsets.UTF_8));
                    }
                });
                return List.copyOf(values);
            }, found -> found.size() >= expected);
        }
    }
}
