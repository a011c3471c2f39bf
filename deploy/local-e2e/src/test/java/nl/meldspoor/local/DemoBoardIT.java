package nl.meldspoor.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The README's first command loads a demo board (five schools, some thirty meldcode cases): its board dashboard shows
 * them, per school, without a pupil in it. On the end-to-end tests' shared system, which the other classes only add to.
 */
class DemoBoardIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theDemoBoardFillsTheBoardDashboard() throws Exception {
        LocalSystem system = SharedLocalSystem.withDemoBoard();
        String url = system.reportingServiceUrl() + "/api/dashboards/board/bestuur-voorbeeld";
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).GET()
                .header("Authorization", system.tokens().authorization("bo-bestuur")).build();
        JsonNode dashboard = Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body()),
                        board -> board.path("totals").path("casesOpened").path("value").asInt() >= 33);
        assertThat(dashboard.path("totals").path("reportsMade").path("value").asInt()).isGreaterThanOrEqualTo(5);
        assertThat(dashboard.path("perSchool")).hasSize(5);
        assertThat(dashboard.toString()).doesNotContain("pupilRef").doesNotContain("lln-");
    }
}
