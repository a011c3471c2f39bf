package nl.meldspoor.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.meldspoor.local.HostileBodies.Attack;
import nl.meldspoor.local.OpenApiCommands.Operation;
import org.assertj.core.api.SoftAssertions;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Every command endpoint of every service, as its OpenAPI document describes it, attacked with the input
 * an attacker or a careless client sends: each attack answers a specific 4xx problem, and afterwards the
 * event stores, every Kafka topic and every read model are exactly as they were. Then an ordinary signal
 * and case command still flow to the read side.
 */
// checks that nothing at all was stored meanwhile: no other class may write to the shared system while it runs
@Isolated
class HostileInputIT {

    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");

    private static LocalSystem system;
    private static final Map<String, String> existing = new java.util.HashMap<>();

    @BeforeAll
    static void startTheSystemWithItsStaffButWithoutTheDemoBoard() throws Exception {
        // The end-to-end tests' shared system: "nothing stored" is a comparison of everything stored before and after the
        // attacks, whatever other test classes stored before (it waits for the system to be at rest first).
        system = SharedLocalSystem.withDemoBoard();
        existing.putAll(aPupilFileACaseAndAnIncident("fuzz-" + System.nanoTime()));
    }

    @Test
    void everyCommandEndpointRefusesHostileInputWithASpecificProblemAndNothingIsStored() throws Exception {
        StoredState before = settledState();
        List<Operation> operations = new ArrayList<>();
        for (String service : List.of(system.caseServiceUrl(), system.signalServiceUrl(), system.reportingServiceUrl(),
                system.notificationServiceUrl())) {
            operations.addAll(new OpenApiCommands(service, getJson(service + "/v3/api-docs", "ib-a")).operations());
        }
        assertThat(operations).as("command endpoints found in the OpenAPI documents").hasSizeGreaterThan(30);

        SoftAssertions softly = new SoftAssertions();
        int attacks = 0;
        for (Operation operation : operations) {
            for (Attack attack : HostileBodies.against(operation)) {
                attacks++;
                HttpResponse<String> response = send(operation, attack);
                String what = operation + " with " + attack + ": " + abbreviate(response.body());
                softly.assertThat(response.statusCode()).as(what).isEqualTo(attack.expected());
                softly.assertThat(response.headers().firstValue("Content-Type").orElse("")).as(what).startsWith("application/problem+json");
                JsonNode problem = readOrEmpty(response.body());
                softly.assertThat(problem.path("rule").asText()).as(what).isNotBlank();
                if (attack.namesItsField() && response.statusCode() == 400) {
                    softly.assertThat(problem.path("errors").findValuesAsText("field")).as(what + " names the field")
                            .anySatisfy(field -> assertThat(withoutIndexes(field)).endsWith(withoutIndexes(attack.field())));
                }
            }
        }
        System.out.printf("HostileInputIT: %d attacks on %d command endpoints%n", attacks, operations.size());
        softly.assertAll();

        Awaitility.await("nothing stored, published or projected").atMost(DEADLINE).during(Duration.ofSeconds(6))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    StoredState after = StoredState.of(system.engines());
                    assertThat(after).as(after.differencesFrom(before)).isEqualTo(before);
                });

        Map<String, String> afterwards = aPupilFileACaseAndAnIncident("after-" + System.nanoTime());
        assertThat(afterwards).as("ordinary commands still flow to the read side").containsKeys("caseId", "incidentId", "signalId");
    }

    /** A signal in a pupil's file, a case and an incident, each awaited on the read side. */
    private static Map<String, String> aPupilFileACaseAndAnIncident(String label) throws Exception {
        // Signals are recorded only for a pupil the school registered: the registry hands out the reference.
        String pupil = registeredPupil("Hostile-" + label);
        // The case is about another pupil: a case open for the signal's pupil would receive the signal as soon as the
        // case-service reads it, and under load that can be after the case was opened.
        String casePupil = registeredPupil("Hostile-case-" + label);
        Instant hourAgo = Instant.now().minusSeconds(3600);
        Map<String, Object> statement = Map.of("text", "Blauwe plek op de arm.", "kind", "FACT", "origin", "OWN_OBSERVATION");
        String signalId = post(system.signalServiceUrl(), "/api/pupils/" + pupil + "/signals", "ib-a", Map.of(
                "schoolId", "school-a", "observedAt", hourAgo.toString(), "place", "gymzaal", "situation", "omkleden",
                "statements", List.of(statement), "category", "SOCIAL_EMOTIONAL")).path("signalId").asText();
        String caseId = post(system.caseServiceUrl(), "/api/cases", "ib-a", Map.of(
                "schoolId", "school-a", "pupilRef", casePupil,
                "team", Map.of("casemanagerId", "ib-a", "advisorId", "af-b", "advisorSchoolId", "school-b", "principalId", "dir-a"),
                "concern", "Zorgen over de thuissituatie.",
                "signals", List.of(Map.of("signalId", "case-" + casePupil, "content", Map.of(
                        "observedAt", hourAgo.toString(), "place", "gymzaal", "situation", "omkleden", "statements", List.of(statement),
                        "category", "HOME_SITUATION", "recordedBy", Map.of("personId", "lk-a", "role", "TEACHER")))))).path("id").asText();
        String incidentId = post(system.signalServiceUrl(), "/api/incidents", "ib-a", Map.of(
                "schoolId", "school-a", "occurredAt", hourAgo.toString(), "firstKnownAt", hourAgo.plusSeconds(60).toString(),
                "place", "schoolplein", "type", "PHYSICAL_VIOLENCE", "severity", "MINOR",
                "parties", List.of(Map.of("role", "PUPIL_VICTIM", "ref", pupil)),
                "description", "Een duw op het schoolplein.", "immediateMeasures", "Apart gezet.", "policeInvolved", false)).path("id").asText();

        String reporting = system.reportingServiceUrl();
        awaitOk(reporting + "/api/schools/school-a/pupils/" + pupil + "/signals", "dir-a", body -> body.path("signals").size() == 1);
        awaitOk(reporting + "/api/dossiers/" + caseId, "ib-a", body -> body.path("entries").size() >= 1);
        awaitOk(reporting + "/api/schools/school-a/incidents", "dir-a",
                body -> body.path("incidents").findValuesAsText("incidentId").contains(incidentId));
        return Map.of("pupilRef", pupil, "signalId", signalId, "caseId", caseId, "incidentId", incidentId);
    }

    /** Signals are recorded only for a pupil the school registered: the registry hands out the reference. */
    private static String registeredPupil(String familyName) throws Exception {
        return post(system.signalServiceUrl(), "/api/schools/school-a/pupils", "ib-a", Map.of(
                "givenName", "Kim", "familyName", familyName, "birthDate", "2017-03-02", "group", 4)).path("pupilRef").asText();
    }

    /** The stored state once the read side has caught up with what the set-up wrote (mail sent, positions stored). */
    private static StoredState settledState() {
        Awaitility.await("the system at rest").atMost(DEADLINE).during(Duration.ofSeconds(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> StoredState.of(system.engines()), new java.util.function.Predicate<StoredState>() {
                    private StoredState previous;

                    @Override
                    public boolean test(StoredState current) {
                        boolean same = current.equals(previous);
                        previous = current;
                        return same;
                    }
                });
        try {
            return StoredState.of(system.engines());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> send(Operation operation, Attack attack) throws Exception {
        String person = operation.path().startsWith("/api/admin") || operation.path().startsWith("/api/staff") ? DemoStaff.ADMINISTRATOR : "ib-a";
        HttpRequest request = HttpRequest.newBuilder(URI.create(operation.service() + withExistingIds(operation.path())))
                .header("Content-Type", "application/json")
                .header("Authorization", system.tokens().authorization(person))
                .method(operation.method().toUpperCase(), HttpRequest.BodyPublishers.ofByteArray(attack.body()))
                .timeout(Duration.ofSeconds(30))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The path with its variables filled in with records that exist, so a refusal is about the body, not an unknown id. */
    private static String withExistingIds(String path) {
        Matcher variable = PATH_VARIABLE.matcher(path);
        StringBuilder filled = new StringBuilder();
        while (variable.find()) {
            String name = variable.group(1);
            String value = switch (name) {
                case "personId" -> "lk-a";
                case "schoolId", "scope" -> "school-a";
                default -> existing.getOrDefault(name, "fuzz-1");
            };
            variable.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        variable.appendTail(filled);
        return filled.toString();
    }

    private static JsonNode post(String service, String path, String person, Object body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service + path))
                .header("Content-Type", "application/json")
                .header("Authorization", system.tokens().authorization(person))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isLessThan(300);
        return JSON.readTree(response.body());
    }

    private static JsonNode getJson(String url, String person) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET()
                .header("Authorization", system.tokens().authorization(person)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Waits until the read side answers what the condition expects; a time-out shows the last answer. */
    private static void awaitOk(String url, String person, java.util.function.Predicate<JsonNode> condition) {
        Awaitility.await(url).atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET()
                    .header("Authorization", system.tokens().authorization(person)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(abbreviate(response.body())).isEqualTo(200);
            assertThat(condition.test(JSON.readTree(response.body()))).as(abbreviate(response.body())).isTrue();
        });
    }

    private static JsonNode readOrEmpty(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception notJson) {
            return JSON.createObjectNode();
        }
    }

    private static String withoutIndexes(String field) {
        return field.replaceAll("\\[\\d*]", "");
    }

    private static String abbreviate(String text) {
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }
}
