package nl.meldspoor.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.meldspoor.api.common.EventHeaders;
import nl.meldspoor.api.common.Topics;
import nl.meldspoor.api.staff.StaffScope;
import nl.meldspoor.local.AccessMatrix.Mismatch;
import nl.meldspoor.local.AccessMatrix.Outcome;
import nl.meldspoor.local.AccessMatrix.Row;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of every service, as the OpenAPI documents list them (GET included), called by every kind of
 * caller: each school role at the fixture records' own school, at the paired school whose AF advises it, and at a
 * school of the other cluster; both cluster directors; the board officer; a valid and an expired auditor; the
 * board administrator; and nobody. The outcome classes are compared with {@code access-matrix.md}; an endpoint
 * without a row, or a row without an endpoint, fails the test as well.
 *
 * <p>Each caller gets fixture records of its own (a pupil with a signal and a correction request, a case whose
 * team names the paired AF, an incident and a meldplicht incident), so what one allowed caller changes does not
 * change the situation the next caller meets; each caller runs the rows in the matrix's order.
 */
class AccessMatrixIT {

    static final String MATRIX = "/access-matrix.md";
    static final String BODIES = "/access-matrix-bodies.json";
    static final String NO_TOKEN = "none";
    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Amsterdam");
    /** Service names as the matrix writes them, in the order the services are listed. */
    private static final List<String> SERVICES = List.of("case", "signal", "reporting", "notification");
    /** Endpoints outside the OpenAPI documents that still answer on the services' ports. */
    private static final List<String> EXTRA_PATHS = List.of("GET %s /actuator/health", "GET %s /actuator/prometheus");
    /** Required query parameters, so that a refusal cannot hide behind a 400 for a missing one. */
    private static final Map<String, String> QUERIES = Map.of(
            "/api/admin/dead-letters", "?topic=" + Topics.SIGNAL_EVENTS,
            "/api/schools/{schoolId}/pupils", "?name=Matrix",
            "/api/staff", "?scope=school-a");

    private static LocalSystem system;

    @BeforeAll
    static void startTheSystemWithItsStaff() throws Exception {
        AccessMatrix.parse(resource(MATRIX)); // a malformed matrix fails before the system starts
        JSON.readTree(resource(BODIES));
        // the end-to-end tests' shared system: every caller's records are made here, for this run (no empty school assumed)
        system = SharedLocalSystem.withDemoBoard();
        anAuditorWhoseGrantHasEnded();
        aChainVerificationHasRun();
    }

    @Test
    void everyEndpointAnswersEveryCallerAsTheAccessMatrixSays() throws Exception {
        long started = System.nanoTime();
        AccessMatrix matrix = AccessMatrix.parse(resource(MATRIX));
        JsonNode bodies = JSON.readTree(resource(BODIES));

        Set<String> endpoints = new LinkedHashSet<>();
        Set<String> commands = new LinkedHashSet<>();
        for (String service : SERVICES) {
            JsonNode document = getJson(url(service) + "/v3/api-docs", "ib-a");
            document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
                String endpoint = operation.getKey().toUpperCase() + " " + service + " " + path.getKey();
                endpoints.add(endpoint);
                if (operation.getValue().has("requestBody")) {
                    commands.add(endpoint);
                }
            }));
            EXTRA_PATHS.forEach(extra -> endpoints.add(String.format(extra, service)));
        }
        assertThat(endpoints).as("endpoints in the OpenAPI documents").hasSizeGreaterThan(50);
        List<String> withoutBody = commands.stream().filter(command -> body(bodies, command) == null).toList();

        Map<String, Fixtures> fixtures = fixturesPerCaller(matrix.callers());
        Fixtures shared = Fixtures.shared();
        long fixturesReady = System.nanoTime();
        // Endpoints without a row run too (every cell unexpected), so the observed line to review is printed for them.
        List<Row> toRun = new ArrayList<>(matrix.rows().stream().filter(row -> endpoints.contains(row.endpoint())).toList());
        matrix.endpointsWithoutRow(endpoints).forEach(endpoint -> toRun.add(new Row(endpoint, "", Map.of())));
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (String caller : matrix.callers()) {
                runs.add(pool.submit(() -> {
                    for (Row row : toRun) {
                        outcomes.add(call(row, caller, fixtures.get(caller), shared, bodies));
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }

        List<String> withoutRow = matrix.endpointsWithoutRow(endpoints);
        List<String> stale = matrix.rowsWithoutEndpoint(endpoints);
        Set<String> rowKeys = matrix.rows().stream().map(Row::key).collect(java.util.stream.Collectors.toSet());
        List<Mismatch> mismatches = matrix.compare(outcomes.stream().filter(outcome -> rowKeys.contains(outcome.row())).toList());
        StringBuilder report = new StringBuilder();
        if (!withoutRow.isEmpty()) {
            report.append("\nEndpoints without a row in access-matrix.md (add one with the rule each caller gets):\n");
            withoutRow.forEach(endpoint -> report.append("  ").append(endpoint).append('\n'));
        }
        if (!stale.isEmpty()) {
            report.append("\nRows in access-matrix.md for endpoints that no longer exist:\n");
            stale.forEach(endpoint -> report.append("  ").append(endpoint).append('\n'));
        }
        if (!withoutBody.isEmpty()) {
            report.append("\nCommand endpoints without a valid body in access-matrix-bodies.json:\n");
            withoutBody.forEach(endpoint -> report.append("  ").append(endpoint).append('\n'));
        }
        if (!mismatches.isEmpty()) {
            report.append("\n").append(mismatches.size()).append(" cells differ from access-matrix.md (row, caller, expected, actual, status):\n");
            mismatches.stream().sorted(java.util.Comparator.comparing(Mismatch::row)).forEach(mismatch -> report.append("  ").append(mismatch).append('\n'));
        }
        System.out.printf("AccessMatrixIT: %d endpoints, %d rows, %d callers; fixtures in %d s, %d calls in %d s%n", endpoints.size(),
                matrix.rows().size(), matrix.callers().size(), Duration.ofNanos(fixturesReady - started).toSeconds(), outcomes.size(),
                Duration.ofNanos(System.nanoTime() - fixturesReady).toSeconds());
        if (!report.isEmpty()) {
            System.out.println("Observed matrix:\n" + matrix.render(sortedAsMatrix(toRun, outcomes)));
        }
        assertThat(report.toString()).as("the access matrix").isEmpty();
    }

    private static List<Outcome> sortedAsMatrix(List<Row> rows, List<Outcome> outcomes) {
        List<String> order = rows.stream().map(Row::key).toList();
        return outcomes.stream().sorted(java.util.Comparator.comparing((Outcome outcome) -> order.indexOf(outcome.row()))).toList();
    }

    /** Records of the own school (school-a), created through the public API as its staff would. */
    record Fixtures(String pupilRef, String signalId, String requestId, String casePupil, String caseId, String incidentId,
                    String meldplichtIncidentId, String notificationId) {

        static Fixtures shared() throws Exception {
            // A notification in the IB'er's own inbox: a home-situation signal alerts the school's IB'er.
            String inbox = awaitOk(system.notificationServiceUrl() + "/api/inbox", "ib-a", body -> body.path("notifications").size() > 0);
            return new Fixtures(null, null, null, null, null, null, null, JSON.readTree(inbox).path("notifications").get(0).path("id").asText());
        }
    }

    private static Map<String, Fixtures> fixturesPerCaller(List<String> callers) throws Exception {
        Map<String, Fixtures> fixtures = new java.util.concurrent.ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> made = new ArrayList<>();
            for (String caller : callers) {
                made.add(pool.submit(() -> {
                    fixtures.put(caller, fixturesFor(caller));
                    return null;
                }));
            }
            for (Future<?> one : made) {
                one.get();
            }
        } finally {
            pool.shutdown();
        }
        // Awaited once all are written: by then the projections have mostly caught up with every caller's records.
        fixtures.values().forEach(AccessMatrixIT::awaitTheReadSide);
        return fixtures;
    }

    private static Fixtures fixturesFor(String caller) throws Exception {
        String label = caller + "-" + UUID.randomUUID().toString().substring(0, 8);
        String pupil = post(system.signalServiceUrl(), "/api/schools/school-a/pupils", "ib-a", Map.of(
                "givenName", "Kim", "familyName", "Matrix-" + label, "birthDate", "2017-03-02", "group", 4)).path("pupilRef").asText();
        String casePupil = post(system.signalServiceUrl(), "/api/schools/school-a/pupils", "ib-a", Map.of(
                "givenName", "Sem", "familyName", "Matrix-" + label, "birthDate", "2016-05-04", "group", 5)).path("pupilRef").asText();
        Instant hourAgo = Instant.now().minus(1, ChronoUnit.HOURS);
        Map<String, Object> statement = Map.of("text", "Blauwe plek op de arm.", "kind", "FACT", "origin", "OWN_OBSERVATION");
        String signalId = post(system.signalServiceUrl(), "/api/pupils/" + pupil + "/signals", "lk-a", Map.of(
                "schoolId", "school-a", "observedAt", hourAgo.toString(), "place", "gymzaal", "situation", "omkleden",
                "statements", List.of(statement), "category", "HOME_SITUATION")).path("signalId").asText();
        JsonNode request = post(system.signalServiceUrl(), "/api/pupils/" + pupil + "/signals/" + signalId + "/correction-requests", "ib-a",
                Map.of("requestedBy", "vader", "receivedOn", today().toString(), "inWriting", true, "request", "De plaats klopt niet."));
        String requestId = request.path("id").asText();
        String caseId = post(system.caseServiceUrl(), "/api/cases", "ib-a", Map.of(
                "schoolId", "school-a", "pupilRef", casePupil,
                "team", Map.of("casemanagerId", "ib-a", "advisorId", "af-b", "advisorSchoolId", "school-b", "principalId", "dir-a"),
                "concern", "Zorgen over de thuissituatie.",
                "signals", List.of(Map.of("signalId", "case-" + label, "content", Map.of(
                        "observedAt", hourAgo.toString(), "place", "gymzaal", "situation", "omkleden", "statements", List.of(statement),
                        "category", "HOME_SITUATION", "recordedBy", Map.of("personId", "lk-a", "role", "TEACHER")))))).path("id").asText();
        // The own school's teacher takes part in the case (steps 1-3, its state but not its timeline).
        post(system.caseServiceUrl(), "/api/cases/" + caseId + "/teachers", "ib-a", Map.of("teacherId", "lk-a"));
        String incidentId = post(system.signalServiceUrl(), "/api/incidents", "ib-a", Map.of(
                "schoolId", "school-a", "occurredAt", hourAgo.toString(), "firstKnownAt", hourAgo.plusSeconds(60).toString(),
                "place", "schoolplein", "type", "SERIOUS_BULLYING", "severity", "SERIOUS",
                "parties", List.of(Map.of("role", "PUPIL_VICTIM", "ref", pupil)),
                "description", "Al weken uitgescholden.", "immediateMeasures", "Gesprek met beide leerlingen.", "policeInvolved", false)).path("id").asText();
        String meldplichtIncidentId = post(system.signalServiceUrl(), "/api/incidents", "icp-a", Map.of(
                "schoolId", "school-a", "occurredAt", hourAgo.toString(), "firstKnownAt", hourAgo.plusSeconds(60).toString(),
                "place", "gymzaal", "type", "SEXUAL_OFFENCE_BY_STAFF", "severity", "SERIOUS",
                "parties", List.of(Map.of("role", "PUPIL_VICTIM", "ref", pupil), Map.of("role", "STAFF_PERPETRATOR", "ref", "mdw-" + label)),
                "description", "Een leerling vertelt over aanrakingen door een medewerker.", "immediateMeasures", "Bestuur gebeld.",
                "policeInvolved", false)).path("id").asText();
        return new Fixtures(pupil, signalId, requestId, casePupil, caseId, incidentId, meldplichtIncidentId, null);
    }

    /** The read side has every caller's records, so a read model that lags behind is not taken for a refusal. */
    private static void awaitTheReadSide(Fixtures fixtures) {
        String reporting = system.reportingServiceUrl();
        awaitOk(reporting + "/api/dossiers/" + fixtures.caseId(), "ib-a", body -> body.path("entries").size() >= 1);
        awaitOk(reporting + "/api/schools/school-a/pupils/" + fixtures.pupilRef() + "/signals", "ib-a", body -> body.path("signals").size() == 1);
        awaitOk(reporting + "/api/schools/school-a/incidents", "dir-a",
                body -> body.path("incidents").findValuesAsText("incidentId").contains(fixtures.incidentId()));
    }

    /**
     * The staff directory refuses an end date in the past, so an expired grant only exists because time passed. The
     * test puts one in the directory as the case-service published it four months ago: a three-month auditor's grant
     * that ended yesterday, on the staff topic every service reads. The token is the issuer's own.
     */
    private static void anAuditorWhoseGrantHasEnded() throws Exception {
        String person = DemoStaff.EXPIRED_AUDITOR;
        Instant granted = Instant.now().minus(120, ChronoUnit.DAYS);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("personId", person);
        event.put("role", "AUDITOR");
        event.put("scope", StaffScope.BOARD);
        event.put("validUntil", today().minusDays(1).toString());
        event.put("administratorId", DemoStaff.ADMINISTRATOR);
        event.put("occurredAt", granted.toString());
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, system.engines().kafkaBootstrapServers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.STAFF, StaffScope.staffMemberId(person), JSON.writeValueAsBytes(event));
            header(record, EventHeaders.EVENT_ID, UUID.randomUUID().toString());
            header(record, EventHeaders.EVENT_TYPE, "nl.meldspoor.api.staff.StaffRoleGranted");
            header(record, EventHeaders.AGGREGATE_ID, StaffScope.staffMemberId(person));
            header(record, EventHeaders.OCCURRED_AT, granted.toString());
            header(record, EventHeaders.RECORDED_AT, granted.toString());
            producer.send(record).get();
        }
        awaitOk(system.caseServiceUrl() + "/api/staff/" + person, DemoStaff.ADMINISTRATOR, body -> body.path("roles").size() == 1);
    }

    /** The administrator's board-wide verification has run once, so its latest report exists for whoever may read it. */
    private static void aChainVerificationHasRun() throws Exception {
        for (String service : List.of(system.caseServiceUrl(), system.signalServiceUrl())) {
            HttpResponse<String> started = HTTP.send(HttpRequest.newBuilder(URI.create(service + "/api/admin/audit/chain-verifications"))
                    .header("Authorization", system.tokens().authorization(DemoStaff.ADMINISTRATOR))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(started.statusCode()).as(started.body()).isLessThan(300);
            awaitOk(service + "/api/admin/audit/chain-verifications/latest", DemoStaff.ADMINISTRATOR, body -> true);
        }
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static Outcome call(Row row, String caller, Fixtures own, Fixtures shared, JsonNode bodies) throws Exception {
        Map<String, String> variables = variables(row, caller, own, shared);
        String path = fill(row.path(), variables);
        JsonNode template = bodies.has(row.key()) ? bodies.get(row.key()) : body(bodies, row.endpoint());
        String query = row.method().equals("GET") ? QUERIES.getOrDefault(row.path(), "") : "";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(row.service()) + path + query)).timeout(Duration.ofSeconds(60));
        if (!caller.equals(NO_TOKEN)) {
            request.header("Authorization", system.tokens().authorization(caller));
        }
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        if (template != null) {
            request.header("Content-Type", "application/json");
            body = HttpRequest.BodyPublishers.ofString(fill(template.toString(), own));
        }
        HttpResponse<String> response = HTTP.send(request.method(row.method(), body).build(), HttpResponse.BodyHandlers.ofString());
        return new Outcome(row.key(), caller, response.statusCode(), abbreviate(response.body()));
    }

    private static Map<String, String> variables(Row row, String caller, Fixtures own, Fixtures shared) {
        Map<String, String> variables = new HashMap<>();
        variables.put("caseId", own.caseId());
        variables.put("pupilRef", own.pupilRef());
        variables.put("signalId", own.signalId());
        variables.put("requestId", own.requestId());
        variables.put("incidentId", own.incidentId());
        variables.put("schoolId", "school-a");
        variables.put("level", "school");
        variables.put("id", row.service().equals("notification") ? shared.notificationId() : "school-a");
        // A person of the test's own, so that granting and revoking change nobody the other callers depend on.
        variables.put("personId", "matrix-" + caller);
        variables.put("role", "TEACHER");
        variables.put("scope", "school-c");
        variables.put("aggregateId", row.service().equals("signal") ? own.incidentId() : own.caseId());
        variables.put("day", today().toString());
        variables.put("name", "no-such-read-model");
        variables.put("topic", Topics.STAFF);
        variables.put("partition", "0");
        variables.put("offset", "999999");
        row.overrides().forEach((name, value) -> variables.put(name, switch (value) {
            case "meldplicht" -> own.meldplichtIncidentId();
            case "casePupil" -> own.casePupil();
            default -> value;
        }));
        return variables;
    }

    private static String fill(String path, Map<String, String> variables) {
        Matcher variable = PATH_VARIABLE.matcher(path);
        StringBuilder filled = new StringBuilder();
        while (variable.find()) {
            String value = variables.get(variable.group(1));
            if (value == null) {
                throw new IllegalStateException("No fixture for {" + variable.group(1) + "} in " + path);
            }
            variable.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        variable.appendTail(filled);
        return filled.toString();
    }

    private static final AtomicInteger FRESH = new AtomicInteger();

    private static String fill(String body, Fixtures own) {
        Instant now = Instant.now();
        return body.replace("${now}", now.toString())
                .replace("${hourAgo}", now.minus(1, ChronoUnit.HOURS).toString())
                .replace("${today}", today().toString())
                .replace("${inMonth}", today().plusMonths(1).toString())
                .replace("${pupilRef}", own.pupilRef())
                .replace("${casePupil}", own.casePupil())
                .replace("${signalId}", own.signalId())
                .replace("${freshId}", "m" + FRESH.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private static JsonNode body(JsonNode bodies, String endpoint) {
        String[] parts = endpoint.split(" ", 3);
        JsonNode exact = bodies.get(endpoint);
        return exact != null ? exact : bodies.get(parts[0] + " * " + parts[2]);
    }

    private static LocalDate today() {
        return LocalDate.now(SCHOOL_ZONE);
    }

    private static String url(String service) {
        return switch (service) {
            case "case" -> system.caseServiceUrl();
            case "signal" -> system.signalServiceUrl();
            case "reporting" -> system.reportingServiceUrl();
            case "notification" -> system.notificationServiceUrl();
            default -> throw new IllegalArgumentException("Unknown service '" + service + "' in the access matrix");
        };
    }

    static String resource(String name) throws IOException {
        try (InputStream in = AccessMatrixIT.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
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

    /** Waits until the read side answers what the condition expects; returns the answer. */
    private static String awaitOk(String url, String person, Predicate<JsonNode> condition) {
        String[] last = new String[1];
        Awaitility.await(url).atMost(DEADLINE).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET()
                    .header("Authorization", system.tokens().authorization(person)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(abbreviate(response.body())).isEqualTo(200);
            assertThat(condition.test(JSON.readTree(response.body()))).as(abbreviate(response.body())).isTrue();
            last[0] = response.body();
        });
        return last[0];
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }
}
