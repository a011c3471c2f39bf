package nl.meldspoor.casework.writepath;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.UUID;
import nl.meldspoor.platform.security.StaffDirectory;
import nl.meldspoor.platform.testing.TestKafkaDirectory;
import nl.meldspoor.platform.testing.TestPostgres;
import nl.meldspoor.platform.testing.WritePathProbe;
import nl.meldspoor.platform.testing.security.TestStaff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The case-service's write path beside the raw engine ({@link WritePathProbe}): N case openings and N colleague
 * consultations over HTTP at 1 and 16 clients, and single-row JDBC inserts into the same PostgreSQL. Opt-in
 * ({@code -Dbench=true}), never part of a normal build; no timing is asserted.
 *
 * <pre>./mvnw -q -o -pl case-service -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=WritePathBenchIT -Dfailsafe.failIfNoSpecifiedTests=false -Dbench=true [-Dbench.commands=400]</pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EnabledIfSystemProperty(named = "bench", matches = "true")
class WritePathBenchIT {

    @TestConfiguration(proxyBeanMethods = false)
    static class Counting {
        @Bean
        static BeanPostProcessor commitCounter() {
            return CommitCounter.wrapping();
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.registerFreshDatabase(registry);
        TestKafkaDirectory.registerFresh(registry, "writepath-bench"); // not the module's data/case-service/kafka, locked by any other cached context
    }

    private static final int COMMANDS = Integer.getInteger("bench.commands", 400);

    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private ObjectMapper json;
    @Autowired
    private ApplicationContext context;

    @Test
    void commandsOverHttpBesideRawInserts() throws Exception {
        new TestStaff(context.getBean(StaffDirectory.class)).grant(BenchRequests.IB, "school-a");
        HttpHeaders headers = WritePathProbe.headersOf(BenchRequests.IB);
        WritePathProbe probe = new WritePathProbe(context);
        probe.warmUp(COMMANDS / 2 + " + " + COMMANDS / 2 + " commands at 4 clients", () -> {
            List<String> warm = probe.unmeasured(4, COMMANDS / 2, i -> open(headers));
            probe.unmeasured(4, COMMANDS / 2, i -> consult(headers, warm.get(i % warm.size())));
        });

        for (int clients : new int[]{1, 16}) {
            List<String> cases = probe.row("open a case, " + clients + " client(s)", clients, COMMANDS, i -> open(headers));
            probe.row("colleague consultation, " + clients + " client(s)", clients, COMMANDS, i -> consult(headers, cases.get(i)));
            probe.rawInserts(clients, COMMANDS);
        }
        probe.print("write path, " + COMMANDS + " commands per row");
        System.out.println("commits by thread kind (whole run): " + CommitCounter.commitsByThread());
    }

    private String open(HttpHeaders headers) {
        ResponseEntity<String> response = WritePathProbe.post(rest, json, headers, "/api/cases", BenchRequests.opening("pupil-" + UUID.randomUUID()));
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        try {
            return json.readTree(response.getBody()).path("id").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String consult(HttpHeaders headers, String caseId) {
        ResponseEntity<String> response = WritePathProbe.post(rest, json, headers, "/api/cases/" + caseId + "/colleague-consultations", BenchRequests.colleagueConsultation());
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return caseId;
    }
}
