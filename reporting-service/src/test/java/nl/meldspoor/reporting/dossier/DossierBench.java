package nl.meldspoor.reporting.dossier;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import nl.meldspoor.api.calendar.WorkingDays;
import nl.meldspoor.api.meldcase.AfwegingQuestion;
import nl.meldspoor.api.meldcase.RecordedCaseEvent;
import nl.meldspoor.api.meldcase.WeighingAnswer;
import nl.meldspoor.api.meldcase.WeighingOutcome;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.platform.consuming.StoredEvents;
import nl.meldspoor.platform.testing.history.CaseHistoryBuilder;
import nl.meldspoor.reporting.InMemoryMongo;
import nl.meldspoor.reporting.meldcase.CaseDossiers;
import nl.meldspoor.reporting.meldcase.CaseEvents;
import nl.meldspoor.reporting.meldcase.CaseQueries;
import nl.meldspoor.reporting.meldcase.CaseRecord;
import nl.meldspoor.reporting.meldcase.MeldcodeCases;
import nl.meldspoor.reporting.meldcase.fold.CaseStates;
import nl.meldspoor.reporting.meldcase.fold.OldCaseStates;
import nl.meldspoor.reporting.meldcase.fold.Timeline;
import nl.meldspoor.reporting.meldcase.fold.TimelineEntry;
import nl.meldspoor.reporting.readmodel.Generations;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Opt-in probe ({@code -Dbench=true}): the dossier of one long case (about 1,000 events: consultations and a
 * weighing after each, so the decisions grow too) on mongo-java-server, read and written as JSON the old way (the whole
 * history deserialized and folded per request) and from the stored dossier, beside a raw read of the same documents
 * (the view and its history entries as BSON, nothing mapped) in the same run. Prints p50/p99 and ratios; asserts
 * nothing about time. Size with {@code -Dbench.events}, {@code -Dbench.rounds}.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class DossierBench {

    private static final int EVENTS = Integer.getInteger("bench.events", 1000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 200);

    @Test
    void theDossierOfALongCaseOldAndStoredBesideARawRead() throws Exception {
        ObjectMapper json = CaseHistoryBuilder.JSON;
        try (InMemoryMongo mongo = new InMemoryMongo()) {
            CaseHistoryBuilder history = CaseHistoryBuilder.openedAt("school-1", Instant.parse("2024-09-02T08:00:00Z")).consultedColleague()
                    .talkedToParents(true);
            while (history.events().size() < EVENTS) {
                history.askedVeiligThuis().weighed(AfwegingQuestion.VERMOEDEN, WeighingAnswer.DOUBT,
                        new WeighingOutcome(false, null, AfwegingQuestion.VEILIGHEID, false));
            }
            List<PublishedEvent> events = history.published();
            MeldcodeCases cases = mongo.meldcodeCases();
            for (int from = 0; from < events.size(); from += 100) {
                cases.applyAll(events.subList(from, Math.min(events.size(), from + 100)), 0);
            }
            String caseId = history.caseId();
            CaseQueries queries = new CaseQueries(mongo.template());
            CaseEvents caseEvents = new CaseEvents(new StoredEvents(json));
            CaseStates states = new CaseStates(WorkingDays.dutch(), 5);
            Dossiers dossiers = new Dossiers(queries, caseEvents, new CaseDossiers(json), states);
            OldCaseStates old = new OldCaseStates(WorkingDays.dutch(), 5);
            Instant now = events.get(events.size() - 1).recordedAt().plus(Duration.ofDays(1));

            Supplier<Object> raw = () -> {
                Document view = mongo.template().getCollection(Generations.nameOf(CaseRecord.COLLECTION, 0)).find(new Document("_id", caseId)).first();
                List<Document> entries = mongo.template().getCollection(Generations.nameOf(MeldcodeCases.HISTORY, 0))
                        .find(new Document("aggregateId", caseId)).sort(new Document("sequence", 1)).into(new ArrayList<>());
                return List.of(view, entries);
            };
            Supplier<Object> before = () -> {
                queries.byId(caseId).orElseThrow();
                List<RecordedCaseEvent> recorded = caseEvents.read(queries.history(caseId));
                return write(json, new Timeline(caseId, null, recorded.get(recorded.size() - 1).sequence(),
                        recorded.stream().map(TimelineEntry::of).toList(), old.view(recorded, now)));
            };
            Supplier<Object> stored = () -> write(json, dossiers.of(caseId, now).orElseThrow());
            if (!before.get().equals(stored.get())) {
                throw new IllegalStateException("the stored dossier differs from the old one");
            }
            long[] rawNanos = measure(raw);
            long[] oldNanos = measure(before);
            long[] storedNanos = measure(stored);
            System.out.printf("%nDossier of a %d-event case, %d rounds, JVM %s %s%n", events.size(), ROUNDS, System.getProperty("java.version"),
                    java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
            System.out.printf("| read | p50 ms | p99 ms | p50 / raw |%n|---|---|---|---|%n");
            print("raw Mongo read of the view and its history entries", rawNanos, rawNanos);
            print("old: whole history deserialized and folded per request (+ JSON)", oldNanos, rawNanos);
            print("stored dossier + history entries (+ JSON)", storedNanos, rawNanos);
        }
    }

    private static String write(ObjectMapper json, Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long[] measure(Supplier<Object> read) {
        for (int i = 0; i < ROUNDS / 4; i++) {
            read.get();
        }
        long[] nanos = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            read.get();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static void print(String what, long[] nanos, long[] raw) {
        System.out.printf("| %s | %.1f | %.1f | %.2f |%n", what, p(nanos, 0.50) / 1e6, p(nanos, 0.99) / 1e6, p(nanos, 0.50) / p(raw, 0.50));
    }

    private static double p(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }
}
