package nl.meldspoor.casework.writepath;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import nl.meldspoor.api.meldcase.RecordedCaseEvent;
import nl.meldspoor.casework.meldcase.history.CaseHistory;
import nl.meldspoor.casework.meldcase.state.CaseStates;
import nl.meldspoor.casework.meldcase.state.TimelineEntry;
import nl.meldspoor.casework.views.CaseViews;
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
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A long case's timeline and as-of beside the raw select of its rows, in one run on the embedded engines, and the
 * request's parts measured on their own (history read, state fold, timeline mapping, JSON, the access log's views), so
 * that the time of a timeline request can be placed; beside each row the offsets the case views' consumer committed per
 * read (every HTTP read is a record of the access log it follows). Opt-in ({@code -Dbench=true}); no timing is asserted.
 *
 * <pre>./mvnw -q -o -pl case-service -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=TimelineBenchIT -Dfailsafe.failIfNoSpecifiedTests=false -Dbench=true [-Dbench.events=1000]</pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EnabledIfSystemProperty(named = "bench", matches = "true")
class TimelineBenchIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.registerFreshDatabase(registry);
        TestKafkaDirectory.registerFresh(registry, "timeline-bench");
    }

    private static final int EVENTS = Integer.getInteger("bench.events", 1000);
    private static final int READS = Integer.getInteger("bench.reads", 100);

    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private ObjectMapper json;
    @Autowired
    private ApplicationContext context;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private CaseHistory history;
    @Autowired
    private CaseStates states;
    @Autowired
    private CaseViews views;
    @Autowired
    private Clock clock;
    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    private final List<String> table = new ArrayList<>();

    @Test
    void aLongCasesTimelineBesideTheRawSelectOfItsRows() throws Exception {
        new TestStaff(context.getBean(StaffDirectory.class)).grant(BenchRequests.IB, "school-a");
        HttpHeaders headers = WritePathProbe.headersOf(BenchRequests.IB);
        String caseId = open(headers);
        for (int i = 1; i < EVENTS; i++) {
            consult(headers, caseId);
        }
        Instant halfway = Instant.parse(jdbc.queryForObject("SELECT timestamp FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = ?",
                String.class, caseId, (long) EVENTS / 2));
        for (int round = 0; round < 2; round++) { // the first round warms up
            table.clear();
            measure("GET timeline (HTTP)", () -> get(headers, "/api/cases/" + caseId + "/timeline"));
            measure("GET timeline?asOf=halfway (HTTP)", () -> get(headers, "/api/cases/" + caseId + "/timeline?asOf=" + halfway));
            measure("GET state (HTTP)", () -> get(headers, "/api/cases/" + caseId));
            measure("history.read (event store, unsealed)", () -> history.read(caseId, null));
            List<RecordedCaseEvent> all = history.read(caseId, null);
            measure("states.view (fold)", () -> states.view(all, clock.instant()));
            measure("entries (mapping, summaries)", () -> all.stream().map(TimelineEntry::of).toList());
            List<TimelineEntry> entries = all.stream().map(TimelineEntry::of).toList();
            measure("JSON of the entries, written afresh", () -> write(entries));
            measure("who looked last (newest 50)", () -> views.page(caseId, null, 0, 50));
            measure("raw SQL select of its rows", () -> jdbc.queryForList(
                    "SELECT eventidentifier, payload, metadata FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber", caseId));
        }
        System.out.println();
        System.out.println("=== timeline of a " + EVENTS + "-event case, " + READS + " reads per row; the case was looked at "
                + views.page(caseId, null, 0, 1).totalElements() + " times by the end; the timeline's answer is "
                + get(headers, "/api/cases/" + caseId + "/timeline").length() / 1024 + " kB");
        System.out.printf(Locale.ROOT, "| %-40s | %8s | %8s | %8s | %8s | %8s |%n", "what", "p50 ms", "p95 ms", "p99 ms", "CPU ms",
                "commits");
        table.forEach(System.out::println);
    }

    private byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // the CPU of this whole JVM (the service, its embedded Kafka and the client), per read: what the noisy latencies hide
    private void measure(String what, Supplier<?> read) {
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long[] latencies = new long[READS];
        long cpuBefore = os.getProcessCpuTime();
        double commitsBefore = caseViewsCommits();
        for (int i = 0; i < READS; i++) {
            long t0 = System.nanoTime();
            assertThat(read.get()).isNotNull();
            latencies[i] = System.nanoTime() - t0;
        }
        double cpuPerRead = (os.getProcessCpuTime() - cpuBefore) / 1e6 / READS;
        Arrays.sort(latencies);
        table.add(String.format(Locale.ROOT, "| %-40s | %8.1f | %8.1f | %8.1f | %8.1f | %8.2f |", what, latencies[READS / 2] / 1e6,
                latencies[(int) (READS * 0.95)] / 1e6, latencies[(int) (READS * 0.99)] / 1e6, cpuPerRead,
                (caseViewsCommits() - commitsBefore) / READS));
    }

    /** Offsets the case views' consumer committed so far: each HTTP read of the case is a record in the access log. */
    private double caseViewsCommits() {
        return listeners.getListenerContainer("case-views").metrics().values().stream()
                .flatMap(metrics -> metrics.entrySet().stream())
                .filter(metric -> metric.getKey().name().equals("commit-total") && metric.getKey().group().equals("consumer-coordinator-metrics"))
                .mapToDouble(metric -> ((Number) metric.getValue().metricValue()).doubleValue())
                .sum();
    }

    private String get(HttpHeaders headers, String path) {
        ResponseEntity<String> response = rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return response.getBody();
    }

    private String open(HttpHeaders headers) throws Exception {
        ResponseEntity<String> response = WritePathProbe.post(rest, json, headers, "/api/cases", BenchRequests.opening("pupil-" + UUID.randomUUID()));
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        return json.readTree(response.getBody()).path("id").asText();
    }

    private void consult(HttpHeaders headers, String caseId) throws Exception {
        ResponseEntity<String> response = WritePathProbe.post(rest, json, headers, "/api/cases/" + caseId + "/colleague-consultations", BenchRequests.colleagueConsultation());
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
    }
}
