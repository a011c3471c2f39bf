package nl.meldspoor.casework.it;

import static nl.meldspoor.api.meldcase.AfwegingQuestion.HULP;
import static nl.meldspoor.api.meldcase.AfwegingQuestion.HULP_AANVAARDEN;
import static nl.meldspoor.api.meldcase.AfwegingQuestion.VEILIGHEID;
import static nl.meldspoor.api.meldcase.AfwegingQuestion.VERMOEDEN;
import static nl.meldspoor.api.meldcase.WeighingAnswer.DOUBT;
import static nl.meldspoor.api.meldcase.WeighingAnswer.NO;
import static nl.meldspoor.api.meldcase.WeighingAnswer.YES;
import static nl.meldspoor.platform.testing.HttpApi.idempotencyKey;
import static nl.meldspoor.platform.testing.HttpApi.ifMatch;
import static nl.meldspoor.casework.it.Requests.IB;
import static nl.meldspoor.casework.it.Requests.PRINCIPAL;
import static nl.meldspoor.casework.it.Requests.colleagueConsultation;
import static nl.meldspoor.casework.it.Requests.decision;
import static nl.meldspoor.casework.it.Requests.feedback;
import static nl.meldspoor.casework.it.Requests.helpPlan;
import static nl.meldspoor.casework.it.Requests.opening;
import static nl.meldspoor.casework.it.Requests.parentConversation;
import static nl.meldspoor.casework.it.Requests.report;
import static nl.meldspoor.casework.it.Requests.reportConversation;
import static nl.meldspoor.casework.it.Requests.signal;
import static nl.meldspoor.casework.it.Requests.successfulEvaluation;
import static nl.meldspoor.casework.it.Requests.weigh;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.time.Duration;
import java.util.UUID;
import nl.meldspoor.api.meldcase.CaseOutcome;
import nl.meldspoor.api.meldcase.Closure;
import nl.meldspoor.api.meldcase.EraseCaseText;
import nl.meldspoor.platform.privacy.PersonalDataSerializer;
import java.time.Period;
import org.axonframework.commandhandling.gateway.CommandGateway;
import nl.meldspoor.api.meldcase.ReportDecisionApproval;
import nl.meldspoor.api.meldcase.VeiligThuisReport;
import nl.meldspoor.casework.views.CaseViews;
import nl.meldspoor.platform.commands.IdempotencyCleanup;
import nl.meldspoor.platform.security.StaffDirectory;
import nl.meldspoor.platform.testing.HttpApi;
import nl.meldspoor.platform.testing.security.TestStaff;
import nl.meldspoor.platform.testing.HttpApi.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the case-service promises over HTTP, whatever PostgreSQL it runs on. Subclasses choose the
 * engine: the embedded one (always) or a container (where Docker exists).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
abstract class CaseServiceContract {

    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private ObjectMapper json;
    @Autowired
    private ApplicationContext context;

    private HttpApi api;

    @BeforeEach
    void setUpClient() {
        api = new HttpApi(rest, json);
        new TestStaff(context.getBean(StaffDirectory.class))
                .grant(IB, "school-a").grant(PRINCIPAL, "school-a").grant(Requests.TEACHER, "school-a");
    }

    private String openCase() {
        Response opened = api.post(IB, "/api/cases", opening("pupil-" + UUID.randomUUID()));
        assertThat(opened.status()).isEqualTo(201);
        return opened.id();
    }

    private long version(String caseId) {
        return api.get(IB, "/api/cases/" + caseId).body().path("version").asLong();
    }

    private void ok(Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
    }

    private String path(String caseId, String step) {
        return "/api/cases/" + caseId + step;
    }

    /** Steps 1 to 3 done: opened with a signal, a colleague consulted, the parents talked to. */
    private String caseAfterStepThree() {
        String caseId = openCase();
        ok(api.post(IB, path(caseId, "/colleague-consultations"), colleagueConsultation()));
        ok(api.post(IB, path(caseId, "/parent-conversations"), parentConversation()));
        return caseId;
    }

    @Test
    void aCaseIsOpenedWithItsLocationVersionAndState() {
        Response opened = api.post(IB, "/api/cases", opening("pupil-1"));

        assertThat(opened.status()).isEqualTo(201);
        assertThat(opened.version()).isZero();
        assertThat(opened.headers().getLocation()).hasToString("/api/cases/" + opened.id());
        assertThat(opened.headers().getETag()).isEqualTo("\"0\"");
        JsonNode state = api.get(IB, "/api/cases/" + opened.id()).body();
        assertThat(state.path("status").asText()).isEqualTo("OPEN");
        assertThat(state.path("currentStep").asInt()).isEqualTo(1);
        assertThat(state.path("afwegingskader").path("nextQuestion").asText()).isEqualTo("VERMOEDEN");
        assertThat(state.path("signals")).hasSize(1);
    }

    @Test
    void aCaseWalksThroughAllFiveStepsToAReport() {
        String caseId = caseAfterStepThree();
        ok(api.post(IB, path(caseId, "/afwegingskader"), weigh(VERMOEDEN, YES)));
        ok(api.post(IB, path(caseId, "/afwegingskader"), weigh(VEILIGHEID, DOUBT)));

        JsonNode afterWeighing = api.get(IB, path(caseId, "")).body();
        assertThat(afterWeighing.path("currentStep").asInt()).isEqualTo(4);
        assertThat(afterWeighing.path("afwegingskader").path("reportRequired").asBoolean()).isTrue();
        assertThat(afterWeighing.path("afwegingskader").path("meldnorm").asText()).isEqualTo("ACUTE_OR_STRUCTURAL_UNSAFETY");
        assertThat(afterWeighing.path("deadlines").findValuesAsText("kind")).contains("REPORT_REQUIRED");

        Response againstTheMeldnorm = api.post(IB, path(caseId, "/report-decision"), decision(false, true));
        assertThat(againstTheMeldnorm.status()).isEqualTo(422);
        assertThat(againstTheMeldnorm.rule()).isEqualTo("MELDNORM_REQUIRES_REPORT");
        assertThat(againstTheMeldnorm.headers().getContentType()).hasToString("application/problem+json");

        ok(api.post(IB, path(caseId, "/report-decision"), decision(true, false)));
        assertThat(api.post(IB, path(caseId, "/report"), report()).rule()).isEqualTo("PRINCIPAL_APPROVAL_REQUIRED");
        ok(api.post(PRINCIPAL, path(caseId, "/report-decision/approval"), new ReportDecisionApproval("Akkoord.")));
        ok(api.post(IB, path(caseId, "/report-decision/parents-informed"), reportConversation()));
        ok(api.post(IB, path(caseId, "/report"), report()));

        JsonNode reported = api.get(IB, path(caseId, "")).body();
        assertThat(reported.path("reports").get(0).path("onBehalfOfPrincipalId").asText()).isEqualTo(PRINCIPAL.personId());
        assertThat(reported.path("deadlines").findValuesAsText("kind")).containsExactly("VEILIG_THUIS_FEEDBACK");

        ok(api.post(IB, path(caseId, "/veilig-thuis-feedback"), feedback()));
        ok(api.post(IB, path(caseId, "/closure"), new Closure(CaseOutcome.REPORTED_AND_HANDED_OVER, "Overgedragen.", false, null)));

        JsonNode timeline = api.get(IB, path(caseId, "/timeline")).body();
        assertThat(timeline.path("entries").findValuesAsText("type")).containsExactly(
                "CaseOpened", "ColleagueConsulted", "ParentsTalkedTo", "ConcernsWeighed", "ConcernsWeighed", "ReportDecided",
                "ReportDecisionApproved", "ParentsInformedOfReport", "ReportRecorded", "VeiligThuisFeedbackRecorded", "CaseClosed");
        assertThat(timeline.path("entries").findValuesAsText("step"))
                .containsExactly("0", "2", "3", "4", "4", "5", "5", "5", "5", "5", "0");
        JsonNode approval = timeline.path("entries").get(6);
        assertThat(approval.path("actor").path("role").asText()).isEqualTo("PRINCIPAL");
        assertThat(approval.path("summary").asText()).contains("goedgekeurd door de directeur");
        assertThat(timeline.path("state").path("status").asText()).isEqualTo("CLOSED");
    }

    /** UI.md §3 flow C: the principal sends the decision back with a reason; the casemanager takes it again. */
    @Test
    void thePrincipalSendsTheReportDecisionBackAndItIsTakenAgain() {
        String caseId = caseAfterStepThree();
        ok(api.post(IB, path(caseId, "/afwegingskader"), weigh(VERMOEDEN, YES)));
        ok(api.post(IB, path(caseId, "/afwegingskader"), weigh(VEILIGHEID, DOUBT)));
        ok(api.post(IB, path(caseId, "/report-decision"), decision(true, false)));

        Response byTheCareCoordinator = api.post(IB, path(caseId, "/report-decision/send-back"),
                new nl.meldspoor.api.meldcase.ReportDecisionSendBack("Zelf terugsturen."));
        assertThat(byTheCareCoordinator.status()).isEqualTo(403);
        assertThat(byTheCareCoordinator.rule()).isEqualTo("ONLY_RESPONSIBLE_PRINCIPAL_SENDS_BACK");
        Response withoutReason = api.post(PRINCIPAL, path(caseId, "/report-decision/send-back"),
                new nl.meldspoor.api.meldcase.ReportDecisionSendBack(""));
        assertThat(withoutReason.status()).isEqualTo(400);
        assertThat(withoutReason.headers().getContentType()).hasToString("application/problem+json");
        assertThat(withoutReason.body().path("errors").findValuesAsText("field")).containsExactly("reason");

        ok(api.post(PRINCIPAL, path(caseId, "/report-decision/send-back"),
                new nl.meldspoor.api.meldcase.ReportDecisionSendBack("Eerst de kindcheck bij de broer afronden.")));
        JsonNode sentBack = api.get(IB, path(caseId, "")).body();
        assertThat(sentBack.path("nextSteps").get(0).asText()).contains("teruggestuurd").contains("neem het besluit opnieuw");
        Response again = api.post(PRINCIPAL, path(caseId, "/report-decision/send-back"),
                new nl.meldspoor.api.meldcase.ReportDecisionSendBack("Nogmaals."));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.rule()).isEqualTo("NO_DECISION_TO_SEND_BACK");

        ok(api.post(IB, path(caseId, "/report-decision"), decision(true, false)));
        ok(api.post(PRINCIPAL, path(caseId, "/report-decision/approval"), new ReportDecisionApproval("Akkoord.")));
        JsonNode timeline = api.get(IB, path(caseId, "/timeline")).body();
        assertThat(timeline.path("entries").findValuesAsText("type")).containsSubsequence(
                "ReportDecided", "ReportDecisionSentBack", "ReportDecided", "ReportDecisionApproved");
    }

    @Test
    void aCaseWalksThroughTheAfwegingskaderToHelpThatWorks() {
        String caseId = caseAfterStepThree();
        ok(api.post(IB, path(caseId, "/afwegingskader"), weigh(VERMOEDEN, YES)));
        ok(api.post(IB, path(caseId, "/afwegingskader"), weigh(VEILIGHEID, NO)));
        ok(api.post(IB, path(caseId, "/afwegingskader"), weigh(HULP, YES)));
        ok(api.post(IB, path(caseId, "/afwegingskader"), weigh(HULP_AANVAARDEN, YES)));
        assertThat(api.post(IB, path(caseId, "/help"), helpPlan()).rule()).isEqualTo("REPORT_DECISION_REQUIRED");
        ok(api.post(PRINCIPAL, path(caseId, "/report-decision"), decision(false, true)));
        ok(api.post(IB, path(caseId, "/help"), helpPlan()));

        JsonNode helping = api.get(IB, path(caseId, "")).body();
        assertThat(helping.path("deadlines").findValuesAsText("kind")).containsExactly("HELP_EVALUATION");
        assertThat(helping.path("deadlines").get(0).path("overdue").asBoolean()).isTrue();

        ok(api.post(IB, path(caseId, "/help/evaluation"), successfulEvaluation()));
        ok(api.post(IB, path(caseId, "/closure"), new Closure(CaseOutcome.HELP_COMPLETED, "Hulp afgerond.", false, "Maandelijks contact.")));
        assertThat(api.get(IB, path(caseId, "")).body().path("closure").path("outcome").asText()).isEqualTo("HELP_COMPLETED");
    }

    @Test
    void theAfwegingskaderRefusesAnswersOutOfOrder() {
        String caseId = caseAfterStepThree();
        long before = version(caseId);

        Response skipped = api.post(IB, path(caseId, "/afwegingskader"), weigh(VEILIGHEID, NO));

        assertThat(skipped.status()).isEqualTo(409);
        assertThat(skipped.rule()).isEqualTo("AFWEGINGSKADER_ORDER");
        assertThat(skipped.body().path("detail").asText()).contains("afweging 1");
        assertThat(version(caseId)).isEqualTo(before);
    }

    @Test
    void asOfShowsTheCaseAsTheSchoolKnewItThen() throws Exception {
        String caseId = caseAfterStepThree();
        ok(api.post(IB, path(caseId, "/afwegingskader"), weigh(VERMOEDEN, YES)));
        Instant whenSuspicionWasWeighed = Instant.now();
        waitUntilAfter(whenSuspicionWasWeighed);
        ok(api.post(IB, path(caseId, "/afwegingskader"), weigh(VEILIGHEID, DOUBT)));

        JsonNode then = api.get(IB, path(caseId, "/timeline?asOf=" + whenSuspicionWasWeighed)).body();
        assertThat(then.path("entries")).hasSize(4);
        assertThat(then.path("version").asLong()).isEqualTo(3);
        assertThat(then.path("state").path("afwegingskader").path("nextQuestion").asText()).isEqualTo("VEILIGHEID");
        assertThat(then.path("state").path("afwegingskader").path("reportRequired").asBoolean()).isFalse();

        JsonNode now = api.get(IB, path(caseId, "")).body();
        assertThat(now.path("afwegingskader").path("reportRequired").asBoolean()).isTrue();

        JsonNode stateThen = api.get(IB, path(caseId, "?asOf=" + whenSuspicionWasWeighed)).body();
        assertThat(stateThen.path("version").asLong()).isEqualTo(3);

        Response beforeTheCase = api.get(IB, path(caseId, "?asOf=2020-01-01T00:00:00Z"));
        assertThat(beforeTheCase.status()).isEqualTo(404);
        assertThat(api.get(IB, path(caseId, "?asOf=gisteren")).status()).isEqualTo(400);
    }

    /**
     * The timeline read before the case's texts were erased (and kept by the service for the next read) shows them erased
     * afterwards: a kept history is read again when an erasure follows it.
     */
    @Test
    void aTimelineReadBeforeTheTextsWereErasedShowsThemErasedAfterwards() {
        String caseId = caseAfterStepThree();
        ok(api.post(IB, path(caseId, "/afwegingskader"), weigh(VERMOEDEN, NO)));
        ok(api.post(IB, path(caseId, "/closure"), new Closure(CaseOutcome.NO_SUSPICION, "Geen vermoeden.", true, null)));
        String before = api.get(IB, path(caseId, "/timeline")).body().toString();
        assertThat(before).contains("Blauwe plekken en teruggetrokken gedrag.").contains("Geen vermoeden.");

        context.getBean(CommandGateway.class).sendAndWait(new EraseCaseText(caseId, Period.ofYears(5), Instant.now().plus(Duration.ofDays(6 * 366))));

        JsonNode after = api.get(IB, path(caseId, "/timeline")).body();
        assertThat(after.path("entries").findValuesAsText("type")).last().isEqualTo("CaseTextErased");
        assertThat(after.toString()).doesNotContain("Blauwe plekken en teruggetrokken gedrag.").doesNotContain("Geen vermoeden.")
                .contains(PersonalDataSerializer.ERASED);
        assertThat(api.get(IB, path(caseId, "")).body().toString()).doesNotContain("Geen vermoeden.");
    }

    @Test
    void theReadsOfACaseAreCountedOnceEachAsTheyAreStoredWithoutCountingItsRowsAgain() {
        String caseId = "case-counted-" + UUID.randomUUID();
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        String stored = "INSERT INTO case_view (access_id, case_id, person_id, role, kind, purpose, viewed_at) "
                + "VALUES (?, ?, 'lk-1', 'TEACHER', 'CASE_STATE', 'CASE_WORK', now()) ON CONFLICT (access_id) DO NOTHING";
        for (int read = 0; read < 7; read++) {
            jdbc.update(stored, "access-" + caseId + "-" + read, caseId);
        }
        jdbc.update(stored, "access-" + caseId + "-3", caseId); // delivered again by the access log: stored once

        assertThat(jdbc.queryForObject("SELECT views FROM case_view_count WHERE case_id = ?", Long.class, caseId)).isEqualTo(7);
        CaseViews views = context.getBean(CaseViews.class);
        assertThat(views.page(caseId, null, 0, 5).totalElements())
                .as("a full page takes the count").isEqualTo(7);
        assertThat(jdbc.queryForObject("SELECT (SELECT views FROM case_view_count WHERE case_id = ?) = (SELECT count(*) FROM case_view WHERE case_id = ?)",
                Boolean.class, caseId, caseId)).isTrue();
        assertThat(views.page("case-never-read", null, 1, 5).totalElements()).isZero();
    }

    /** The event store's clock has millisecond precision; make sure the next event lands later. */
    @Test
    void theTimelineHoldsTheNewestReadsAndViewsPagesThroughAllOfThem() {
        String caseId = openCase();
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        // after every real read of this test (those arrive through the access log while it runs), so the order is known
        Instant first = Instant.parse("2099-01-01T08:00:00Z");
        for (int read = 1; read <= 130; read++) {
            jdbc.update("INSERT INTO case_view (access_id, case_id, person_id, role, kind, purpose, viewed_at) VALUES (?, ?, ?, 'TEACHER', 'CASE_STATE', 'CASE_WORK', ?)",
                    UUID.randomUUID().toString(), caseId, "lk-" + read, java.sql.Timestamp.from(first.plus(Duration.ofMinutes(read))));
        }

        JsonNode timeline = api.get(IB, path(caseId, "/timeline")).body();
        assertThat(timeline.path("lookedAt")).as("every read adds a row: the timeline holds the newest only").hasSize(50);
        assertThat(timeline.path("lookedAt").get(0).path("personId").asText()).isEqualTo("lk-130");
        assertThat(timeline.path("lookedAt").get(49).path("personId").asText()).isEqualTo("lk-81");
        assertThat(timeline.path("lookedAtTotal").asLong()).as("the 130 and this test's own reads so far").isBetween(130L, 135L);

        Response second = api.get(IB, path(caseId, "/views?page=1&size=50"));
        ok(second);
        assertThat(second.body().path("entries").findValuesAsText("personId")).hasSize(50).startsWith("lk-80").endsWith("lk-31");
        assertThat(second.body().path("entries").get(0).path("why").asText()).isEqualTo("werken aan het dossier");
        assertThat(second.body().path("totalElements").asLong()).isBetween(130L, 135L);
        assertThat(second.body().path("totalPages").asInt()).isEqualTo(3);
        assertThat(api.get(IB, path(caseId, "/views?page=9")).body().path("totalElements").asLong())
                .as("past the last page: no entries, the count still right").isBetween(130L, 135L);
        assertThat(api.get(IB, path(caseId, "/views?size=3&asOf=" + first.plus(Duration.ofMinutes(3)).plusSeconds(1))).body()
                .path("entries").findValuesAsText("personId")).as("as of a moment: the reads until then").containsExactly("lk-3", "lk-2", "lk-1");

        Response tooLarge = api.get(IB, path(caseId, "/views?size=201"));
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.body().path("errors").get(0).path("field").asText()).isEqualTo("size");
        assertThat(api.get(IB, path(caseId, "/views?page=-1")).body().path("errors").get(0).path("field").asText()).isEqualTo("page");
        assertThat(api.get(Requests.TEACHER, path(caseId, "/views")).status()).as("who looked is part of the timeline: its readers only")
                .isIn(403, 404);
        assertThat(api.get(IB, "/api/cases/" + UUID.randomUUID() + "/views").status()).isEqualTo(404);
    }

    private static void waitUntilAfter(Instant moment) throws InterruptedException {
        while (!Instant.now().isAfter(moment.plusMillis(5))) {
            Thread.onSpinWait();
        }
    }

    @Test
    void aWriteOnAVersionThatIsNoLongerCurrentIsAConflict() {
        String caseId = openCase();
        ok(api.post(IB, path(caseId, "/colleague-consultations"), colleagueConsultation(), ifMatch(0)));

        Response stale = api.post(IB, path(caseId, "/parent-conversations"), parentConversation(), ifMatch(0));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.rule()).isEqualTo("VERSION_CONFLICT");
        assertThat(stale.body().path("actualVersion").asLong()).isEqualTo(1);
        assertThat(version(caseId)).isEqualTo(1);
    }

    @Test
    void twoWritersOnTheSameVersionAtOnceGetOneSuccessAndOneConflict() throws Exception {
        for (int round = 0; round < 5; round++) {
            String caseId = openCase();
            List<Response> responses = HttpApi.concurrently(
                    () -> api.post(IB, path(caseId, "/colleague-consultations"), colleagueConsultation(), ifMatch(0)),
                    () -> api.post(IB, path(caseId, "/parent-conversations"), parentConversation(), ifMatch(0)));

            assertThat(responses).extracting(Response::status).containsExactlyInAnyOrder(200, 409);
            assertThat(responses).filteredOn(response -> response.status() == 409).extracting(Response::rule).containsExactly("VERSION_CONFLICT");
            assertThat(version(caseId)).isEqualTo(1);
        }
    }

    @Test
    void concurrentWritesWithoutAVersionCheckAreBothKept() throws Exception {
        String caseId = openCase();
        List<Response> responses = HttpApi.concurrently(
                () -> api.post(IB, path(caseId, "/colleague-consultations"), colleagueConsultation()),
                () -> api.post(IB, path(caseId, "/parent-conversations"), parentConversation()));

        assertThat(responses).extracting(Response::status).containsExactly(200, 200);
        assertThat(responses).extracting(Response::version).containsExactlyInAnyOrder(1L, 2L);
        assertThat(api.get(IB, path(caseId, "/timeline")).body().path("entries")).hasSize(3);
    }

    @Test
    void aRetriedCommandWithTheSameIdempotencyKeyChangesNothing() {
        String caseId = openCase();
        String key = UUID.randomUUID().toString();

        Object consultation = colleagueConsultation();

        Response first = api.post(IB, path(caseId, "/colleague-consultations"), consultation, idempotencyKey(key));
        Response retry = api.post(IB, path(caseId, "/colleague-consultations"), consultation, idempotencyKey(key));

        assertThat(retry.status()).isEqualTo(first.status());
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(version(caseId)).isEqualTo(1);
    }

    @Test
    void aRetriedOpeningWithTheSameKeyOpensOneCase() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = json.writeValueAsString(opening("pupil-retry"));

        Response first = api.post(IB, "/api/cases", body, idempotencyKey(key));
        Response retry = api.post(IB, "/api/cases", body, idempotencyKey(key));

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.id()).isEqualTo(first.id());
        assertThat(retry.headers().getLocation()).isEqualTo(first.headers().getLocation());
    }

    @Test
    void anIdempotencyKeyReusedForAnotherRequestIsRefused() {
        String caseId = openCase();
        String key = UUID.randomUUID().toString();
        ok(api.post(IB, path(caseId, "/colleague-consultations"), colleagueConsultation(), idempotencyKey(key)));

        Response reused = api.post(IB, path(caseId, "/parent-conversations"), parentConversation(), idempotencyKey(key));

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.rule()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(version(caseId)).isEqualTo(1);
    }

    @Test
    void theSameIdempotencyKeyFromTwoPeopleIsTwoCommands() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = json.writeValueAsString(opening("pupil-" + UUID.randomUUID()));

        Response byCareCoordinator = api.post(IB, "/api/cases", body, idempotencyKey(key));
        Response byPrincipal = api.post(PRINCIPAL, "/api/cases", body, idempotencyKey(key));

        assertThat(byCareCoordinator.status()).isEqualTo(201);
        assertThat(byPrincipal.status()).as(byPrincipal.body().toString()).isEqualTo(201);
        assertThat(byPrincipal.headers().getFirst("Idempotent-Replayed")).isNull();
        assertThat(byPrincipal.id()).isNotEqualTo(byCareCoordinator.id());
        // each person's retry still finds their own first answer
        assertThat(api.post(PRINCIPAL, "/api/cases", body, idempotencyKey(key)).id()).isEqualTo(byPrincipal.id());
        assertThat(api.post(IB, "/api/cases", body, idempotencyKey(key)).id()).isEqualTo(byCareCoordinator.id());
    }

    @Test
    void anIdempotencyKeyOlderThanItsRetentionIsANewCommand() {
        String caseId = openCase();
        String key = UUID.randomUUID().toString();
        Object consultation = colleagueConsultation();
        ok(api.post(IB, path(caseId, "/colleague-consultations"), consultation, idempotencyKey(key)));

        ageIdempotencyKey(key, Duration.ofHours(25));
        Response afterRetention = api.post(IB, path(caseId, "/colleague-consultations"), consultation, idempotencyKey(key));

        ok(afterRetention);
        assertThat(afterRetention.headers().getFirst("Idempotent-Replayed")).isNull();
        assertThat(version(caseId)).isEqualTo(2);
        // and the key is kept again from now on, for the new request
        Response retry = api.post(IB, path(caseId, "/colleague-consultations"), consultation, idempotencyKey(key));
        assertThat(retry.status()).as(retry.body().toString()).isEqualTo(200);
        assertThat(retry.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(version(caseId)).isEqualTo(2);
    }

    @Test
    void theCleanupDeletesExpiredIdempotencyKeysOnly() {
        String caseId = openCase();
        String expired = UUID.randomUUID().toString();
        String fresh = UUID.randomUUID().toString();
        ok(api.post(IB, path(caseId, "/colleague-consultations"), colleagueConsultation(), idempotencyKey(expired)));
        ok(api.post(IB, path(caseId, "/parent-conversations"), parentConversation(), idempotencyKey(fresh)));
        ageIdempotencyKey(expired, Duration.ofHours(25));

        assertThat(context.getBean(IdempotencyCleanup.class).deleteExpired()).isPositive();

        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM idempotency_record WHERE idempotency_key = ?", Integer.class, expired)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM idempotency_record WHERE idempotency_key = ?", Integer.class, fresh)).isOne();
    }

    /** As if the key had been stored that long ago. */
    private void ageIdempotencyKey(String key, Duration age) {
        int aged = context.getBean(JdbcTemplate.class).update(
                "UPDATE idempotency_record SET created_at = created_at - ? * interval '1 second' WHERE idempotency_key = ?", age.toSeconds(), key);
        assertThat(aged).isOne();
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsStored() {
        String caseId = openCase();

        Response missing = api.post(IB, path(caseId, "/parent-conversations"), "{\"heldAt\":\"2020-01-01T00:00:00Z\",\"kindcheck\":{}}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().path("errors").findValuesAsText("field"))
                .contains("concernsShared", "parentsReaction", "staffPresent", "parentsPresent");

        Response wrongEnum = api.post(IB, path(caseId, "/afwegingskader"), "{\"question\":\"VERMOEDEN\",\"answer\":\"MISSCHIEN\",\"rationale\":\"x\"}");
        assertThat(wrongEnum.status()).isEqualTo(400);
        assertThat(wrongEnum.body().path("errors").get(0).path("field").asText()).isEqualTo("answer");

        Response future = api.post(IB, path(caseId, "/colleague-consultations"),
                "{\"consultedAt\":\"2999-01-01T00:00:00Z\",\"colleagueId\":\"x\",\"colleagueCapacity\":\"x\",\"discussed\":\"x\",\"sameSignalsSeen\":\"NO\"}");
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.body().path("errors").get(0).path("field").asText()).isEqualTo("consultedAt");

        assertThat(version(caseId)).isZero();
    }

    @Test
    void aRuleOfTheMeldcodeIsNamedAndChangesNothing() {
        String caseId = openCase();

        Response hearsay = api.post(IB, path(caseId, "/signals"), """
                {"signalId":"sig-hearsay","content":{"observedAt":"2020-01-01T10:00:00Z","place":"plein","situation":"ophalen",
                 "statements":[{"text":"Buurvrouw hoorde geschreeuw","kind":"FACT","origin":"THIRD_PARTY"}],
                 "category":"HOME_SITUATION","recordedBy":{"personId":"lk-eva","role":"TEACHER"}}}""");

        assertThat(hearsay.status()).isEqualTo(422);
        assertThat(hearsay.rule()).isEqualTo("THIRD_PARTY_SOURCE_REQUIRED");
        assertThat(hearsay.body().path("field").asText()).isEqualTo("signal.content.statements[0].source");
        assertThat(version(caseId)).isZero();
    }

    @Test
    void aReportDatedBeforeTheReportDecisionOrBeforeTheCaseWasOpenedIsRefusedAndChangesNothing() throws Exception {
        String caseId = caseAfterStepThree();
        Instant beforeTheDecision = Instant.now();
        waitUntilAfter(beforeTheDecision);
        ok(api.post(IB, path(caseId, "/afwegingskader"), weigh(VERMOEDEN, YES)));
        ok(api.post(IB, path(caseId, "/afwegingskader"), weigh(VEILIGHEID, DOUBT)));
        ok(api.post(PRINCIPAL, path(caseId, "/report-decision"), decision(true, false)));
        ok(api.post(IB, path(caseId, "/report-decision/parents-informed"), reportConversation()));
        long version = version(caseId);
        VeiligThuisReport report = report();

        Response beforeDecision = api.post(IB, path(caseId, "/report"), new VeiligThuisReport(beforeTheDecision, report.reportedBy(),
                report.veiligThuisReference(), report.reporterAnonymityRequested(), report.reportedFacts()));
        Response beforeOpening = api.post(IB, path(caseId, "/report"), new VeiligThuisReport(Instant.now().minus(Duration.ofDays(2)),
                report.reportedBy(), report.veiligThuisReference(), report.reporterAnonymityRequested(), report.reportedFacts()));

        assertThat(beforeDecision.status()).isEqualTo(422);
        assertThat(beforeDecision.rule()).isEqualTo("BEFORE_PRECEDING_STEP");
        assertThat(beforeDecision.body().path("errors").findValuesAsText("field")).containsExactly("reportedAt");
        assertThat(beforeOpening.status()).isEqualTo(422);
        assertThat(beforeOpening.rule()).isEqualTo("BEFORE_CASE_OPENED");
        assertThat(beforeOpening.body().path("errors").findValuesAsText("field")).containsExactly("reportedAt");
        assertThat(version(caseId)).isEqualTo(version);
        ok(api.post(IB, path(caseId, "/report"), report()));
    }

    @Test
    void aTeacherWhoIsNotInvolvedIsRefused() {
        String caseId = openCase();

        Response refused = api.post(Requests.TEACHER, path(caseId, "/signals"), signal("sig-extra"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.rule()).isEqualTo("TEACHER_NOT_INVOLVED");
    }

    @Test
    void aCommandWithoutATokenIsRefused() {
        String caseId = openCase();

        Response anonymous = api.postAnonymously(path(caseId, "/signals"), signal("sig-anonymous"));

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.rule()).isEqualTo("UNAUTHENTICATED");
        assertThat(anonymous.headers().getFirst("WWW-Authenticate")).startsWith("Bearer");
        assertThat(version(caseId)).isZero();
    }

    @Test
    void anUnknownCaseIsNotFound() {
        Response missing = api.post(IB, "/api/cases/" + UUID.randomUUID() + "/colleague-consultations", colleagueConsultation());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(api.get(IB, "/api/cases/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(api.get(IB, "/api/cases/" + UUID.randomUUID() + "/timeline").status()).isEqualTo(404);
    }

    @Test
    void theServiceDescribesItsApi() {
        Response docs = api.get(IB, "/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().path("paths").has("/api/cases/{caseId}/afwegingskader")).isTrue();
        assertThat(docs.body().path("paths").path("/api/cases/{caseId}/afwegingskader").path("post").path("parameters")
                .findValuesAsText("name")).contains("If-Match", "Idempotency-Key", "X-Meldspoor-Role");
        assertThat(docs.body().path("components").path("securitySchemes").path("bearer").path("scheme").asText()).isEqualTo("bearer");
        assertThat(docs.body().path("paths").path("/api/cases/{caseId}/timeline").path("get").path("parameters")
                .findValuesAsText("name")).contains("X-Meldspoor-Purpose");
    }

    @Test
    void aConfiguredDatabaseMeansNothingEmbeddedStarts() {
        assertThat(context.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
    }

    @Test
    void healthAndMetricsAreExposed() {
        assertThat(api.getAnonymously("/actuator/health").body().path("status").asText()).isEqualTo("UP");
        Response metrics = api.get("/actuator/prometheus", HttpApi.scrapeCredential());
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body().asText()).contains("commandBus").contains("service=\"case-service\"");
    }
}
