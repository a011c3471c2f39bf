package nl.meldspoor.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the demo staff in the staff directory through the case-service's admin API, as the board
 * administrator would (a role held already is left as it is), and waits until every service has read
 * the directory from Kafka.
 */
final class DemoStaffLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoStaffLoader.class);

    private final LocalTokens tokens;
    private final String caseService;
    private final List<String> services;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    DemoStaffLoader(LocalTokens tokens, String caseService, List<String> services) {
        this.tokens = tokens;
        this.caseService = caseService;
        this.services = services;
    }

    void load(Duration deadline) throws InterruptedException {
        List<DemoStaff.Grant> grants = DemoStaff.grants(LocalDate.now());
        for (DemoStaff.Grant grant : grants) {
            Map<String, Object> body = new HashMap<>(Map.of("role", grant.role().name(), "scope", grant.scope()));
            if (grant.validUntil() != null) {
                body.put("validUntil", grant.validUntil().toString());
            }
            int status = post("/api/staff/" + grant.personId() + "/roles", body);
            if (status != 200 && status != 409) {
                throw new IllegalStateException("The case-service refused the demo role " + grant + ": HTTP " + status);
            }
        }
        Instant until = Instant.now().plus(deadline);
        List<String> people = grants.stream().map(DemoStaff.Grant::personId).distinct().toList();
        for (String service : services) {
            while (!people.stream().allMatch(person -> knows(service, person))) {
                if (Instant.now().isAfter(until)) {
                    throw new IllegalStateException(service + " did not read the staff directory in time");
                }
                Thread.sleep(200);
            }
        }
        log.info("Demo staff in the staff directory: {} roles", grants.size());
    }

    private int post(String path, Object body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(caseService + path))
                    .header("Content-Type", "application/json")
                    .header("Authorization", tokens.authorization(DemoStaff.ADMINISTRATOR))
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot reach the case-service at " + caseService, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean knows(String service, String person) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(service + "/api/me"))
                    .header("Authorization", tokens.authorization(person)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
