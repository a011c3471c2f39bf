package nl.meldspoor.casework.it;

import static nl.meldspoor.casework.it.Requests.IB;
import static nl.meldspoor.casework.it.Requests.PRINCIPAL;
import static nl.meldspoor.casework.it.Requests.TEACHER;
import static nl.meldspoor.casework.it.Requests.colleagueConsultation;
import static nl.meldspoor.casework.it.Requests.opening;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.platform.eventstore.chain.BoardChainVerifier;
import nl.meldspoor.platform.security.StaffDirectory;
import nl.meldspoor.platform.testing.HttpApi;
import nl.meldspoor.platform.testing.HttpApi.Response;
import nl.meldspoor.platform.testing.TestPostgres;
import nl.meldspoor.platform.testing.security.TestStaff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The event store's hash chain: a case's history verifies after its commands, and a row rewritten or removed
 * by someone with the owner's rights (who can lift the append-only trigger) is found by the auditor's check of
 * that case and by the board-wide verification, which makes the service's health DOWN and raises the metric.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@TestPropertySource(properties = {"meldspoor.staff.administrators=admin-bestuur",
        "meldspoor.embedded.kafka.data-directory=target/embedded-kafka-chain"})
class EventChainIT {

    private static final Actor BOARD_AUDITOR = new Actor("audit-ida", Role.AUDITOR);
    private static final Actor SCHOOL_AUDITOR = new Actor("audit-bea", Role.AUDITOR);
    private static final Actor BOARD_OFFICER = new Actor("bo-bart", Role.BOARD_OFFICER);
    private static final Actor ADMINISTRATOR = new Actor("admin-bestuur", Role.BOARD_OFFICER);

    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private ObjectMapper json;
    @Autowired
    private StaffDirectory directory;
    @Autowired
    private JdbcTemplate owner;
    @Autowired
    private MeterRegistry meters;

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
                .grant(IB, "school-a").grant(PRINCIPAL, "school-a").grant(TEACHER, "school-a").grantBoardWide(BOARD_OFFICER)
                .grant(BOARD_AUDITOR.personId(), Role.AUDITOR, "board", today.plusMonths(1))
                .grant(SCHOOL_AUDITOR.personId(), Role.AUDITOR, "school-a", today.plusMonths(1));
    }

    /** A case with at least four stored events: opened, two consultations, a teacher added. */
    private String caseWithHistory() {
        Response opened = api.post(IB, "/api/cases", opening("pupil-" + UUID.randomUUID()));
        assertThat(opened.status()).isEqualTo(201);
        String caseId = opened.id();
        assertThat(api.post(IB, "/api/cases/" + caseId + "/colleague-consultations", colleagueConsultation()).status()).isEqualTo(200);
        assertThat(api.post(PRINCIPAL, "/api/cases/" + caseId + "/colleague-consultations", colleagueConsultation()).status()).isEqualTo(200);
        assertThat(api.post(IB, "/api/cases/" + caseId + "/teachers", Map.of("teacherId", TEACHER.personId())).status()).isEqualTo(200);
        return caseId;
    }

    private long storedEvents(String caseId) {
        return owner.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", Long.class, caseId);
    }

    /** What someone with the owner role can do: lift the append-only trigger, rewrite, put it back. */
    private void asOwnerWithoutAppendOnly(String statement, Object... arguments) {
        owner.execute("ALTER TABLE domainevententry DISABLE TRIGGER domainevententry_append_only");
        try {
            owner.update(statement, arguments);
        } finally {
            owner.execute("ALTER TABLE domainevententry ENABLE TRIGGER domainevententry_append_only");
        }
    }

    @Test
    void aCasesChainHoldsAfterSeveralCommands() {
        String caseId = caseWithHistory();

        Response chain = api.get(BOARD_AUDITOR, "/api/audit/chains/" + caseId);

        assertThat(chain.status()).isEqualTo(200);
        assertThat(chain.body().path("aggregateId").asText()).isEqualTo(caseId);
        assertThat(chain.body().path("valid").asBoolean()).isTrue();
        assertThat(chain.body().path("events").asLong()).isEqualTo(storedEvents(caseId)).isGreaterThanOrEqualTo(4);
        assertThat(chain.body().path("firstBrokenSequence").isNull()).isTrue();
        assertThat(chain.body().path("checkedAt").asText()).isNotBlank();
        assertThat(chain.body().path("headHash").asText()).hasSize(64);
    }

    @Test
    void aWriterCannotChooseTheChainHashTheDatabaseComputesIt() {
        String caseId = caseWithHistory();
        byte[] stored = owner.queryForObject("SELECT chain_hash FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = 0",
                byte[].class, caseId);
        byte[] recomputed = owner.queryForObject("SELECT event_chain_hash(decode(repeat('00', 32), 'hex'), e) FROM domainevententry e"
                + " WHERE aggregateidentifier = ? AND sequencenumber = 0", byte[].class, caseId);
        assertThat(stored).hasSize(32).isEqualTo(recomputed);
    }

    @Test
    void aPayloadRewrittenWithOwnerRightsBreaksTheChainAtItsSequenceNumber() {
        String caseId = caseWithHistory();
        // Any change of the stored bytes counts, here a field of the JSON payload rewritten.
        asOwnerWithoutAppendOnly("UPDATE domainevententry SET payload = convert_to(regexp_replace(convert_from(payload, 'UTF8'),"
                + " '\"schoolId\":\"school-a\"', '\"schoolId\":\"school-b\"'), 'UTF8') WHERE aggregateidentifier = ? AND sequencenumber = 1", caseId);
        assertThat(new String(owner.queryForObject("SELECT payload FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = 1",
                byte[].class, caseId))).contains("school-b");

        Response chain = api.get(BOARD_AUDITOR, "/api/audit/chains/" + caseId);

        assertThat(chain.status()).isEqualTo(200);
        assertThat(chain.body().path("valid").asBoolean()).isFalse();
        assertThat(chain.body().path("firstBrokenSequence").asLong()).isEqualTo(1);
        assertThat(chain.body().path("events").asLong()).isEqualTo(storedEvents(caseId));
    }

    @Test
    void aRewrittenRowWithItsHashRecomputedStillBreaksTheChainAtTheNextEvent() {
        String caseId = caseWithHistory();
        asOwnerWithoutAppendOnly("UPDATE domainevententry SET payload = payload || '\\x20'::bytea WHERE aggregateidentifier = ? AND sequencenumber = 1", caseId);
        asOwnerWithoutAppendOnly("UPDATE domainevententry e SET chain_hash = event_chain_hash("
                + "(SELECT chain_hash FROM domainevententry p WHERE p.aggregateidentifier = e.aggregateidentifier AND p.sequencenumber = 0), e)"
                + " WHERE aggregateidentifier = ? AND sequencenumber = 1", caseId);

        Response chain = api.get(BOARD_AUDITOR, "/api/audit/chains/" + caseId);

        assertThat(chain.body().path("valid").asBoolean()).isFalse();
        assertThat(chain.body().path("firstBrokenSequence").asLong()).isEqualTo(2);
    }

    @Test
    void aMiddleEventDeletedWithOwnerRightsIsFound() {
        String caseId = caseWithHistory();
        asOwnerWithoutAppendOnly("DELETE FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = 2", caseId);

        Response chain = api.get(ADMINISTRATOR, "/api/audit/chains/" + caseId);

        assertThat(chain.status()).isEqualTo(200);
        assertThat(chain.body().path("valid").asBoolean()).isFalse();
        assertThat(chain.body().path("firstBrokenSequence").asLong()).isEqualTo(2);
    }

    @Test
    void theBoardWideVerificationFindsTheBrokenCaseAndMakesItLoud() {
        String intact = caseWithHistory();
        String tampered = caseWithHistory();
        asOwnerWithoutAppendOnly("UPDATE domainevententry SET payload = payload || '\\x20'::bytea WHERE aggregateidentifier = ? AND sequencenumber = 1", tampered);

        assertThat(api.post(BOARD_AUDITOR, "/api/admin/audit/chain-verifications", Map.of()).status()).isEqualTo(403);
        Response verification = api.post(ADMINISTRATOR, "/api/admin/audit/chain-verifications", Map.of());

        assertThat(verification.status()).isEqualTo(200);
        assertThat(verification.body().path("brokenAggregates").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(verification.body().path("validAggregates").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(verification.body().path("broken").findValuesAsText("aggregateId")).contains(tampered).doesNotContain(intact);
        assertThat(verification.body().path("broken").toString()).contains("{\"aggregateId\":\"" + tampered + "\",\"firstBrokenSequence\":1}");

        Response latest = api.get(BOARD_AUDITOR, "/api/admin/audit/chain-verifications/latest");
        assertThat(latest.status()).isEqualTo(200);
        assertThat(latest.body().path("verificationId").asText()).isEqualTo(verification.body().path("verificationId").asText());
        assertThat(meters.get(BoardChainVerifier.BROKEN_METRIC).gauge().value()).isGreaterThanOrEqualTo(1);
        Response health = api.get(ADMINISTRATOR, "/actuator/health");
        assertThat(health.body().path("components").path("eventChains").path("status").asText()).isEqualTo("DOWN");
        assertThat(health.body().path("status").asText()).isEqualTo("DOWN");
    }

    @Test
    void onlyBoardWideAuditorsAndAdministratorsCheckAChain() {
        String caseId = caseWithHistory();
        for (Actor permitted : List.of(BOARD_AUDITOR, ADMINISTRATOR)) {
            assertThat(api.get(permitted, "/api/audit/chains/" + caseId).status()).as(permitted.personId()).isEqualTo(200);
        }
        for (Actor refused : List.of(SCHOOL_AUDITOR, IB, PRINCIPAL, TEACHER, BOARD_OFFICER)) {
            Response response = api.get(refused, "/api/audit/chains/" + caseId);
            assertThat(response.status()).as(refused.personId()).isEqualTo(403);
            assertThat(response.body().toString()).as(refused.personId()).doesNotContain("headHash");
        }
        assertThat(api.getAnonymously("/api/audit/chains/" + caseId).status()).isEqualTo(401);
        assertThat(api.get(BOARD_AUDITOR, "/api/audit/chains/no-such-case").status()).isEqualTo(404);
        assertThat(api.get(IB, "/api/admin/audit/chain-verifications/latest").status()).isEqualTo(403);
    }
}
