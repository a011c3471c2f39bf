package nl.meldspoor.signals.writepath;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.signal.InformationOrigin;
import nl.meldspoor.api.signal.ParentView;
import nl.meldspoor.api.signal.SignalCategory;
import nl.meldspoor.api.signal.SignalRecording;
import nl.meldspoor.api.signal.Statement;
import nl.meldspoor.api.signal.StatementKind;
import nl.meldspoor.platform.security.StaffDirectory;
import nl.meldspoor.platform.testing.TestKafkaDirectory;
import nl.meldspoor.platform.testing.TestPostgres;
import nl.meldspoor.platform.testing.WritePathProbe;
import nl.meldspoor.platform.testing.security.TestStaff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The signal-service's write path beside the raw engine ({@link WritePathProbe}), warm: a teacher records signals —
 * three per pupil, in turn (no two clients on one file at once), pupils two to a family, so each recording looks back at the pupil's and a sibling's earlier signals —
 * and the IB'er adds the parents' view to each, at 1 and 16 clients, beside single-row JDBC inserts into the same
 * PostgreSQL. The pupils are registered before each row, unmeasured. Opt-in ({@code -Dbench=true}); no timing is asserted.
 *
 * <pre>./mvnw -q -o -pl signal-service -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=SignalWritePathBenchIT -Dfailsafe.failIfNoSpecifiedTests=false -Dbench=true [-Dbench.commands=400]</pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EnabledIfSystemProperty(named = "bench", matches = "true")
class SignalWritePathBenchIT {

    private static final Actor TEACHER = new Actor("lk-eva", Role.TEACHER);
    private static final Actor IB = new Actor("ib-anna", Role.CARE_COORDINATOR);
    private static final int COMMANDS = Integer.getInteger("bench.commands", 400);
    private static final int SIGNALS_PER_PUPIL = 3;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.registerFreshDatabase(registry);
        TestKafkaDirectory.registerFresh(registry, "signal-writepath-bench");
    }

    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private ObjectMapper json;
    @Autowired
    private ApplicationContext context;

    private HttpHeaders teacher;
    private HttpHeaders ib;

    @Test
    void signalsAndParentsViewsOverHttpBesideRawInserts() throws Exception {
        new TestStaff(context.getBean(StaffDirectory.class)).grant(TEACHER, "school-a").grant(IB, "school-a");
        teacher = WritePathProbe.headersOf(TEACHER);
        ib = WritePathProbe.headersOf(IB);
        WritePathProbe probe = new WritePathProbe(context);
        probe.warmUp(COMMANDS / 2 + " signals and " + COMMANDS / 2 + " parents' views at 4 clients", () -> {
            List<String> pupils = pupils(probe, COMMANDS / 2);
            List<String> signals = probe.unmeasured(4, COMMANDS / 2, i -> record(pupils.get(i % pupils.size())));
            probe.unmeasured(4, COMMANDS / 2, i -> addParentView(signals.get(i)));
        });

        for (int clients : new int[]{1, 16}) {
            List<String> pupils = pupils(probe, COMMANDS);
            List<String> signals = probe.row("record a signal, " + clients + " client(s)", clients, COMMANDS,
                    i -> record(pupils.get(i % pupils.size())));
            probe.row("parents' view, " + clients + " client(s)", clients, COMMANDS, i -> addParentView(signals.get(i)));
            probe.rawInserts(clients, COMMANDS);
        }
        probe.print("signal write path, " + COMMANDS + " commands per row");
    }

    /** Pupils for {@code signals} signals, registered by the IB'er at 4 clients, not measured. */
    private List<String> pupils(WritePathProbe probe, int signals) throws Exception {
        String families = "family-" + UUID.randomUUID().toString().substring(0, 8);
        return probe.unmeasured(4, signals / SIGNALS_PER_PUPIL + 1, i -> {
            Map<String, Object> identity = Map.of("givenName", "Kim", "familyName", "Bench-" + UUID.randomUUID().toString().substring(0, 8),
                    "birthDate", "2017-03-02", "group", 4, "familyRef", families + "-" + i / 2);
            ResponseEntity<String> registered = WritePathProbe.post(rest, json, ib, "/api/schools/school-a/pupils", identity);
            assertThat(registered.getStatusCode().value()).as(registered.getBody()).isEqualTo(201);
            return field(registered, "pupilRef");
        });
    }

    /** Answers "pupilRef/signalId". */
    private String record(String pupilRef) {
        SignalRecording recording = new SignalRecording("school-a", null, Instant.now().minus(Duration.ofHours(2)), "speelplaats", "pauze",
                List.of(new Statement("Blauwe plek op de arm, zegt gevallen te zijn.", StatementKind.FACT, InformationOrigin.OWN_OBSERVATION, null)),
                List.of("M.K."), SignalCategory.HOME_SITUATION, Set.of(), List.of());
        ResponseEntity<String> response = WritePathProbe.post(rest, json, teacher, "/api/pupils/" + pupilRef + "/signals", recording);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        return pupilRef + "/" + field(response, "signalId");
    }

    private String addParentView(String pupilAndSignal) {
        String[] ids = pupilAndSignal.split("/");
        ResponseEntity<String> response = WritePathProbe.post(rest, json, ib, "/api/pupils/" + ids[0] + "/signals/" + ids[1] + "/parent-views",
                new ParentView("moeder", LocalDate.now(ZoneOffset.UTC), "Ze is van de fiets gevallen."));
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return pupilAndSignal;
    }

    private String field(ResponseEntity<String> response, String name) {
        try {
            return json.readTree(response.getBody()).path(name).asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
