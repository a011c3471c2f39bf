package nl.meldspoor.reporting.dashboard.counters;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.meldspoor.api.calendar.WorkingDays;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.platform.consuming.StoredEvents;
import nl.meldspoor.platform.testing.history.CaseHistoryBuilder;
import nl.meldspoor.reporting.InMemoryMongo;
import nl.meldspoor.reporting.meldcase.CaseDeadlines;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * Opt-in probe ({@code -Dbench=true}): what one event costs the dashboard counters when its school month already holds
 * N cases (N = 10, 100, 1,000), beside a raw Mongo upsert of a small document on the same in-memory store in the same
 * run. Prints the mean per event and the ratio to the raw upsert; asserts nothing about time. Size the measured part
 * with {@code -Dbench.measuredCases} (each case is a few events).
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class CounterWriteCostProbe {

    private static final Instant SEPTEMBER = Instant.parse("2026-09-01T08:00:00Z");
    private static final int MEASURED_CASES = Integer.getInteger("bench.measuredCases", 25);

    private boolean warmedUp;

    @Test
    void perEventCostBesideARawUpsert() {
        System.out.printf("%nCounter write cost: per event into a school month already holding N cases, beside a raw upsert%n");
        // the first round warms up the code paths of the counters, the client and the server; it is not printed
        for (int holding : new int[] {10, 10, 100, 1000}) {
            boolean warmUp = holding == 10 && !warmedUp;
            warmedUp = true;
            try (InMemoryMongo mongo = new InMemoryMongo()) {
                var template = mongo.template();
                DashboardCounters counters = new DashboardCounters(template, (MongoMappingContext) template.getConverter().getMappingContext(),
                        new StoredEvents(CaseHistoryBuilder.JSON), new CaseDeadlines(WorkingDays.dutch(), 5));
                counters.prepareStorage();
                casesOfOneMonth("school-a", holding, 0).forEach(counters::apply);
                List<PublishedEvent> measured = casesOfOneMonth("school-a", MEASURED_CASES, holding);
                // warm up the path on another school, so the first measured events do not pay for class loading
                casesOfOneMonth("school-warm-up", 20, 0).forEach(counters::apply);

                var raw = template.getCollection("raw_upserts");
                for (int i = 0; i < 2_000; i++) {
                    raw.updateOne(Filters.eq("_id", "warm-" + i), Updates.set("n", i), new UpdateOptions().upsert(true));
                }
                // each event beside a raw upsert right after it, so that both see the same load on the shared machine
                long countersNanos = 0;
                long rawNanos = 0;
                for (int i = 0; i < measured.size(); i++) {
                    long start = System.nanoTime();
                    counters.apply(measured.get(i));
                    long between = System.nanoTime();
                    raw.updateOne(Filters.eq("_id", "key-" + (i % 500)), Updates.set("n", i), new UpdateOptions().upsert(true));
                    rawNanos += System.nanoTime() - between;
                    countersNanos += between - start;
                }
                double countersMicros = countersNanos / 1_000.0 / measured.size();
                double rawMicros = rawNanos / 1_000.0 / measured.size();
                Document month = template.getCollection(MonthCounters.COLLECTION).find(Filters.eq("_id", MonthCounters.idOf("school-a", "2026-09"))).first();
                if (warmUp) {
                    continue;
                }
                System.out.printf("  N=%,5d: %,8.0f µs/event, raw upsert %,6.0f µs, ratio %6.1f (%d events; month document %,d kB)%n", holding,
                        countersMicros, rawMicros, countersMicros / rawMicros, measured.size(),
                        month == null ? 0 : month.toJson().length() / 1024);
            }
        }
    }

    private static List<PublishedEvent> casesOfOneMonth(String school, int cases, int offset) {
        List<PublishedEvent> events = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            // spread over the month's first 25 days, so that day counters are written too
            events.addAll(CaseHistoryBuilder.openedAt(school, SEPTEMBER.plusSeconds(86_400L * ((offset + i) % 25) + i)).consultedColleague().published());
        }
        return events;
    }
}
