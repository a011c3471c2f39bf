package nl.meldspoor.casework.it;

import static nl.meldspoor.casework.it.Requests.IB;
import static nl.meldspoor.casework.it.Requests.colleagueConsultation;
import static nl.meldspoor.casework.it.Requests.opening;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import nl.meldspoor.casework.CaseServiceApplication;
import nl.meldspoor.platform.security.StaffDirectory;
import nl.meldspoor.platform.testing.HttpApi;
import nl.meldspoor.platform.testing.security.TestStaff;
import nl.meldspoor.platform.testing.HttpApi.Response;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded default as a newcomer runs it: no database configured, so the service starts its own
 * PostgreSQL with data under a directory — and a restart finds the cases again.
 */
class RestartKeepsCasesIT {

    @TempDir
    Path dataDirectory;

    @Test
    void aRestartedServiceKeepsItsCases() {
        String caseId;
        try (ConfigurableApplicationContext first = start()) {
            HttpApi api = api(first);
            Response opened = api.post(IB, "/api/cases", opening("pupil-restart"));
            caseId = opened.id();
            assertThat(api.post(IB, "/api/cases/" + caseId + "/colleague-consultations", colleagueConsultation()).status()).isEqualTo(200);
            // The embedded default connects as the runtime role, which cannot rewrite or unguard the event log.
            JdbcTemplate service = first.getBean(JdbcTemplate.class);
            assertThat(service.queryForObject("SELECT current_user", String.class)).isEqualTo("meldspoor_runtime");
            assertThatThrownBy(() -> service.update("UPDATE domainevententry SET payload = payload WHERE aggregateidentifier = ?", caseId))
                    .rootCause().hasMessageContaining("permission denied");
            assertThatThrownBy(() -> service.execute("ALTER TABLE domainevententry DISABLE TRIGGER domainevententry_append_only"))
                    .rootCause().hasMessageContaining("must be owner");
        }

        try (ConfigurableApplicationContext second = start()) {
            HttpApi api = api(second);
            Response state = api.get(IB, "/api/cases/" + caseId);
            assertThat(state.status()).isEqualTo(200);
            assertThat(state.body().path("version").asLong()).isEqualTo(1);
            assertThat(state.body().path("stepsTaken").path("colleagueConsultations").asInt()).isEqualTo(1);
            assertThat(api.post(IB, "/api/cases/" + caseId + "/colleague-consultations", colleagueConsultation()).version()).isEqualTo(2);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(CaseServiceApplication.class).run(
                "--server.port=0",
                "--meldspoor.embedded.postgres.data-directory=" + dataDirectory.resolve("postgres"),
                "--meldspoor.embedded.postgres.clean=false");
    }

    private static HttpApi api(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        TestRestTemplate rest = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port));
        new TestStaff(context.getBean(StaffDirectory.class)).grant(IB, "school-a");
        return new HttpApi(rest, context.getBean(ObjectMapper.class));
    }
}
