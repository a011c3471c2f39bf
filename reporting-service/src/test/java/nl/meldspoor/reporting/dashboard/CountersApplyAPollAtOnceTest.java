package nl.meldspoor.reporting.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.platform.testing.history.CaseHistoryBuilder;
import nl.meldspoor.reporting.InMemoryMongo;
import nl.meldspoor.reporting.dashboard.counters.DashboardCounters;
import nl.meldspoor.reporting.dashboard.counters.GuardsInMonths;
import nl.meldspoor.reporting.organisation.OrganisationProperties.School;
import nl.meldspoor.reporting.readmodel.ApplyFailure;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The counters apply a poll at once: each aggregate's contributions written once as of its last event in the poll, the
 * folds read and stored together. The counts are those of the events applied one by one, whatever the polls' cut, also
 * when a poll comes again; a poll whose event cannot be folded writes nothing; and a poll costs a few store commands per
 * aggregate, not several per event.
 */
class CountersApplyAPollAtOnceTest {

    private static final LocalDate FIRST_YEAR = LocalDate.of(2024, 8, 1);
    private static final Set<String> COUNTED = Set.of("dashboard_counters", "dashboard_counter_samples", "dashboard_open_cases");

    private final InMemoryMongo oneByOne = new InMemoryMongo();
    private final InMemoryMongo polled = new InMemoryMongo();
    private final AtomicInteger commands = new AtomicInteger();
    /** The update statements sent to the months, each with its filter's {@code _id}. */
    private final List<Object> monthUpdates = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicInteger monthFinds = new AtomicInteger();
    private final MongoClient listened = MongoClients.create(MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(polled.connectionString()))
            .addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    if (Set.of("find", "update", "insert", "delete", "findAndModify").contains(event.getCommandName())) {
                        commands.incrementAndGet();
                    }
                    if (event.getCommandName().equals("find") && event.getCommand().getString("find").getValue().equals("dashboard_counters")) {
                        monthFinds.incrementAndGet();
                    }
                    if (event.getCommandName().equals("update") && event.getCommand().getString("update").getValue().equals("dashboard_counters")) {
                        event.getCommand().getArray("updates").forEach(statement -> monthUpdates.add(
                                statement.asDocument().getDocument("q").get("_id")));
                    }
                }
            }).build());
    private final MongoTemplate polledTemplate = new MongoTemplate(listened, "test");

    @AfterEach
    void tearDown() {
        listened.close();
        oneByOne.close();
        polled.close();
    }

    /** The board's events as a topic carries them: the aggregates' events interleaved, each aggregate's in order. */
    private static List<PublishedEvent> topic(long seed, int schools, int casesPerSchoolYear) {
        List<School> board = new ArrayList<>();
        for (int i = 0; i < schools; i++) {
            board.add(new School("school-" + i, "School " + i));
        }
        List<List<PublishedEvent>> histories = BoardHistory.generate(seed, board, FIRST_YEAR, 2, casesPerSchoolYear);
        List<PublishedEvent> topic = new ArrayList<>();
        for (int at = 0; ; at++) {
            boolean any = false;
            for (List<PublishedEvent> history : histories) {
                if (at < history.size()) {
                    topic.add(history.get(at));
                    any = true;
                }
            }
            if (!any) {
                return topic;
            }
        }
    }

    /** What the dashboards read of the counters: every month's non-zero counts, the samples and the open cases. */
    private static Map<String, Object> counted(MongoTemplate mongo) {
        Map<String, Object> counted = new TreeMap<>();
        for (String collection : COUNTED) {
            for (Document document : mongo.getCollection(collection).find()) {
                document.remove("adding");
                document.remove("format");
                document.remove("stamp"); // an open cases' stamp is new with every write, not a count
                Document totals = document.get("totals", Document.class);
                if (totals != null) {
                    totals.values().removeIf(count -> ((Number) count).intValue() == 0);
                }
                Document days = document.get("days", Document.class);
                if (days != null) {
                    days.values().forEach(day -> ((Document) day).values().removeIf(count -> ((Number) count).intValue() == 0));
                    days.values().removeIf(day -> ((Document) day).isEmpty());
                }
                if (totals != null && totals.isEmpty() && (days == null || days.isEmpty())) {
                    continue; // a month whose counts all went back to zero counts nothing
                }
                if (document.containsKey("samples") && document.get("samples", Document.class).isEmpty()) {
                    continue; // nor does a month whose samples were all taken out again
                }
                counted.put(collection + "/" + document.get("_id"), document);
            }
        }
        return counted;
    }

    private static void inPolls(DashboardCounters counters, List<PublishedEvent> events, int pollSize) {
        for (int from = 0; from < events.size(); from += pollSize) {
            counters.applyAll(events.subList(from, Math.min(events.size(), from + pollSize)), 0);
        }
    }

    @Test
    void pollsOfAnySizeCountWhatTheEventsOneByOneCountAlsoWhenAPollComesAgain() {
        List<PublishedEvent> topic = topic(21L, 3, 5);
        DashboardCounters single = CountersOnMongo.on(oneByOne);
        topic.forEach(single::apply);
        Map<String, Object> expected = counted(oneByOne.template());
        assertThat(expected).isNotEmpty();

        for (int pollSize : new int[]{1, 7, 50, 500, topic.size()}) {
            polledTemplate.getDb().drop();
            DashboardCounters counters = CountersOnMongo.on(polledTemplate);
            inPolls(counters, topic, pollSize);
            assertThat(counted(polledTemplate)).as("polls of %d", pollSize).isEqualTo(expected);

            // the polls come again, cut otherwise (a crash before their offsets were committed)
            inPolls(counters, topic.subList(topic.size() / 3, topic.size()), pollSize + 3);
            assertThat(counted(polledTemplate)).as("polls of %d, again", pollSize).isEqualTo(expected);
        }
    }

    @Test
    void aPollCostsAFewCommandsWhateverItsAggregatesNotSeveralPerEvent() {
        List<List<PublishedEvent>> cases = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            CaseHistoryBuilder history = CaseHistoryBuilder.openedAt("school-" + (i % 3), Instant.parse("2025-03-03T09:00:00Z").plusSeconds(86_400L * i))
                    .consultedColleague().askedVeiligThuis().talkedToParents(true);
            while (history.events().size() < 20) {
                history.consultedColleague();
            }
            cases.add(history.published());
        }
        List<PublishedEvent> topic = new ArrayList<>();
        for (int at = 0; at < 20; at++) {
            for (List<PublishedEvent> history : cases) {
                topic.add(history.get(at));
            }
        }
        DashboardCounters counters = CountersOnMongo.on(polledTemplate);
        counters.applyAll(List.of(), 0); // the first poll after a start reads which guards a crash left in the months, once
        commands.set(0);

        counters.applyAll(topic, 0);

        // the folds with their contributions read at once; the months, samples, open cases, the months' stamps and the
        // folds each written in one bulk write for the whole poll (one by one it was three or more per event, then a few
        // per aggregate; eight per poll while the contributions had documents of their own and the months forgot their
        // guards in a second update)
        assertThat(commands.get()).as("%d commands for %d events of %d cases", commands.get(), topic.size(), cases.size())
                .isLessThanOrEqualTo(6);
        DashboardCounters single = CountersOnMongo.on(oneByOne);
        topic.forEach(single::apply);
        assertThat(counted(polledTemplate)).isEqualTo(counted(oneByOne.template())).isNotEmpty();
    }

    /**
     * A rebuild's poll moves many aggregates of one school month: the month is updated once for all of them (it was
     * twice per aggregate, each a read, match and write of the whole month in the store, then twice per poll: the
     * additions, then the guards forgotten). The next poll forgets the guards: in its own update of a month it adds to,
     * in one update of each other month; and a settled guard refuses no later change of its aggregate (no month is read
     * to recover from it).
     */
    @Test
    void aPollUpdatesEachMonthOnceWhateverItsAggregatesAndTheNextForgetsTheirGuards() {
        List<PublishedEvent> topic = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            topic.addAll(CaseHistoryBuilder.openedAt("school-" + (i % 3), Instant.parse("2025-03-03T09:00:00Z").plusSeconds(3_600L * i))
                    .consultedColleague().askedVeiligThuis().published());
        }
        List<PublishedEvent> again = CaseHistoryBuilder.openedAt("school-1", Instant.parse("2025-03-04T09:00:00Z")).consultedColleague()
                .askedVeiligThuis().askedVeiligThuis().published();
        topic.addAll(again.subList(0, 3));
        List<PublishedEvent> next = List.of(again.get(3),
                CaseHistoryBuilder.openedAt("school-0", Instant.parse("2025-03-20T09:00:00Z")).published().get(0));
        DashboardCounters counters = CountersOnMongo.on(polledTemplate);
        counters.applyAll(List.of(), 0);
        monthUpdates.clear();

        counters.applyAll(topic, 0);

        Set<Object> months = new java.util.HashSet<>(monthUpdates);
        assertThat(months).as("the schools' months written").hasSize(3);
        assertThat(monthUpdates).as("updates of %s for 13 cases", months).hasSize(3);
        assertThat(GuardsInMonths.all(polledTemplate, 0)).as("the cases' guards, settled").hasSize(13);
        assertThat(GuardsInMonths.unsettled(polledTemplate, 0)).isEmpty();
        monthUpdates.clear();

        monthFinds.set(0);
        counters.applyAll(next, 0);

        assertThat(monthUpdates).as("one update of each month: the addition with its forgetting, or the forgetting").hasSize(3);
        assertThat(monthFinds.get()).as("months read to recover from a guard").isZero();
        assertThat(GuardsInMonths.all(polledTemplate, 0).keySet()).as("only the guards the last poll settled")
                .containsExactlyInAnyOrder("school-1|2025-03/" + again.get(0).aggregateId(), "school-0|2025-03/" + next.get(1).aggregateId());
        DashboardCounters single = CountersOnMongo.on(oneByOne);
        topic.forEach(single::apply);
        next.forEach(single::apply);
        assertThat(counted(polledTemplate)).isEqualTo(counted(oneByOne.template())).isNotEmpty();
    }

    @Test
    void aPollWithAnEventThatCannotBeFoldedWritesNothingAndTheEventsBeforeItApplyOnTheirOwn() {
        DashboardCounters counters = CountersOnMongo.on(polledTemplate);
        List<PublishedEvent> first = CaseHistoryBuilder.openedAt("school-0", Instant.parse("2025-03-03T09:00:00Z")).consultedColleague()
                .askedVeiligThuis().published();
        List<PublishedEvent> second = CaseHistoryBuilder.openedAt("school-1", Instant.parse("2025-03-04T09:00:00Z")).consultedColleague()
                .askedVeiligThuis().published();
        PublishedEvent unreadable = second.get(2);
        // held after a gap, it is read back from its stored JSON when the gap closes: unreadable JSON cannot be folded
        PublishedEvent broken = new PublishedEvent(unreadable.eventId(), unreadable.type(), unreadable.revision(), unreadable.aggregateId(),
                unreadable.sequence(), unreadable.recordedAt(), unreadable.payload(), "{not json");
        List<PublishedEvent> poll = List.of(first.get(0), broken, second.get(0), first.get(1), second.get(1), first.get(2));

        assertThatThrownBy(() -> counters.applyAll(poll, 0)).isInstanceOfSatisfying(ApplyFailure.class,
                failure -> assertThat(failure.index()).isEqualTo(4));
        assertThat(counted(polledTemplate)).as("nothing written").isEmpty();
        assertThat(polledTemplate.getCollection("dashboard_counter_sources").countDocuments()).isZero();

        counters.applyAll(poll.subList(0, 4), 0);
        DashboardCounters single = CountersOnMongo.on(oneByOne);
        List.of(first.get(0), second.get(0), first.get(1)).forEach(single::apply);
        assertThat(counted(polledTemplate)).isEqualTo(counted(oneByOne.template())).isNotEmpty();
    }
}
