package nl.meldspoor.reporting.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOneModel;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import nl.meldspoor.api.meldcase.MeldcodeCaseEvent;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.reporting.InMemoryMongo;
import nl.meldspoor.reporting.dashboard.counters.CounterQueries;
import nl.meldspoor.reporting.dashboard.counters.DashboardCounters;
import nl.meldspoor.reporting.dashboard.counters.Tally;
import nl.meldspoor.reporting.organisation.OrganisationProperties;
import nl.meldspoor.reporting.organisation.OrganisationProperties.School;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A dashboard keeps the whole months' totals and the school years' samples it read under their stamps, and reads again
 * only what was stamped anew: whatever is written after a read — by this replica or another, in a poll that crashed and
 * came again, or read while a poll was between its writes — is in the next dashboard, as a reader that keeps nothing
 * reads it.
 */
class CountersReadUnderTheirStampsTest {

    private static final LocalDate FIRST_YEAR = LocalDate.of(2024, 8, 1);
    private static final List<String> BOARD = List.of("school-0", "school-1", "school-2");
    /** Whole months over both school years, and a window cut inside months at both ends. */
    private static final LocalDate[][] WINDOWS = {{FIRST_YEAR, FIRST_YEAR.plusYears(2)}, {LocalDate.of(2024, 11, 13), LocalDate.of(2026, 2, 9)}};

    private final InMemoryMongo mongo = new InMemoryMongo();

    /** Runs {@code beforeMonths} each time a poll is about to add to the months (its upserts of the month documents). */
    private static final class WatchedTemplate extends MongoTemplate {
        private Runnable beforeMonths = () -> { };
        /** Runs once before the next find on the months or the samples, then is cleared. */
        private Runnable beforeNextFind = () -> { };
        private boolean crashAtTheStamps;
        private boolean refuseStoredSchoolYears;
        /** Finds on the months and the samples. */
        private int finds;
        /** Finds on the open cases: their stamps, or the cases. */
        private int openCaseFinds;

        WatchedTemplate(MongoTemplate like) {
            super(like.getMongoDatabaseFactory(), like.getConverter());
        }

        @Override
        public MongoCollection<Document> getCollection(String collectionName) {
            if (crashAtTheStamps && collectionName.equals("dashboard_counter_stamps")) {
                crashAtTheStamps = false;
                throw new IllegalStateException("crashed before the stamps were written");
            }
            MongoCollection<Document> collection = super.getCollection(collectionName);
            String base = collectionName.replaceFirst("_g[0-9]+$", ""); // of any generation
            if (refuseStoredSchoolYears && base.equals("dashboard_counter_year_totals")) {
                return refusingWrites(collection);
            }
            if (base.equals("dashboard_open_cases")) {
                return counting(collection, () -> openCaseFinds++);
            }
            return base.equals("dashboard_counters") || base.equals("dashboard_counter_samples") ? watched(collection) : collection;
        }

        @SuppressWarnings("unchecked")
        private MongoCollection<Document> refusingWrites(MongoCollection<Document> stored) {
            return (MongoCollection<Document>) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {MongoCollection.class},
                    (proxy, method, arguments) -> {
                        if (method.getName().equals("bulkWrite")) {
                            throw new MongoException("not authorized to write");
                        }
                        try {
                            return method.invoke(stored, arguments);
                        } catch (InvocationTargetException failure) {
                            throw failure.getCause();
                        }
                    });
        }

        @SuppressWarnings("unchecked")
        private static MongoCollection<Document> counting(MongoCollection<Document> stored, Runnable onFind) {
            return (MongoCollection<Document>) Proxy.newProxyInstance(WatchedTemplate.class.getClassLoader(), new Class<?>[] {MongoCollection.class},
                    (proxy, method, arguments) -> {
                        if (method.getName().equals("find")) {
                            onFind.run();
                        }
                        try {
                            return method.invoke(stored, arguments);
                        } catch (InvocationTargetException failure) {
                            throw failure.getCause();
                        }
                    });
        }

        @SuppressWarnings("unchecked")
        private MongoCollection<Document> watched(MongoCollection<Document> months) {
            return (MongoCollection<Document>) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {MongoCollection.class},
                    (proxy, method, arguments) -> {
                        if (method.getName().equals("find")) {
                            finds++;
                            Runnable once = beforeNextFind;
                            beforeNextFind = () -> { };
                            once.run();
                        }
                        if (method.getName().equals("bulkWrite") && ((List<?>) arguments[0]).stream()
                                .allMatch(write -> write instanceof UpdateOneModel<?> update && update.getOptions().isUpsert())) {
                            beforeMonths.run();
                        }
                        try {
                            return method.invoke(months, arguments);
                        } catch (InvocationTargetException failure) {
                            throw failure.getCause();
                        }
                    });
        }
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    private static List<PublishedEvent> board(long seed) {
        List<School> schools = BOARD.stream().map(id -> new School(id, id)).toList();
        List<PublishedEvent> events = new ArrayList<>();
        BoardHistory.generate(seed, schools, FIRST_YEAR, 2, 5).forEach(events::addAll);
        return events;
    }

    @Test
    void whatIsWrittenAfterADashboardReadItIsInTheNext() {
        List<PublishedEvent> events = board(20261204L);
        DashboardCounters counters = CountersOnMongo.on(mongo);
        CounterQueries keeping = new CounterQueries(mongo.template());
        Random random = new Random(3);
        int reads = 0;
        for (int from = 0; from < events.size(); ) {
            List<PublishedEvent> poll = events.subList(from, Math.min(events.size(), from + 1 + random.nextInt(30)));
            counters.applyAll(poll, 0);
            from += poll.size();
            for (LocalDate[] window : WINDOWS) {
                assertThat(seen(keeping.tally(BOARD, window[0], window[1]))).as("after %d events, %s – %s", from, window[0], window[1])
                        .isEqualTo(readAfresh(window[0], window[1]));
                reads++;
            }
        }
        assertThat(reads).isGreaterThan(20);
        assertThat(seen(keeping.tally(BOARD, FIRST_YEAR, FIRST_YEAR.plusYears(2)))).as("counted something").contains("school-2");
    }

    @Test
    void aDashboardOverWholeMonthsReadsAgainOnlyWhatWasWrittenSince() {
        List<PublishedEvent> events = board(20261208L);
        DashboardCounters counters = CountersOnMongo.on(mongo);
        counters.applyAll(events.subList(0, events.size() - 10), 0);
        WatchedTemplate watched = new WatchedTemplate(mongo.template());
        CounterQueries keeping = new CounterQueries(watched);
        String first = seen(keeping.tally(BOARD, WINDOWS[0][0], WINDOWS[0][1]));
        assertThat(watched.finds).as("the months and the samples read").isEqualTo(2);

        watched.finds = 0;
        assertThat(seen(keeping.tally(BOARD, WINDOWS[0][0], WINDOWS[0][1]))).isEqualTo(first);
        assertThat(watched.finds).as("nothing read again").isZero();

        counters.applyAll(events.subList(events.size() - 10, events.size()), 0);
        assertThat(seen(keeping.tally(BOARD, WINDOWS[0][0], WINDOWS[0][1]))).isNotEqualTo(first)
                .isEqualTo(readAfresh(WINDOWS[0][0], WINDOWS[0][1]));
        assertThat(watched.finds).as("what the last events wrote read again").isPositive();
    }

    /**
     * A started replica reads the board's last school years ahead: the first dashboard over them reads nothing more, and
     * another replica's first dashboard reads the school years it stored together, no month document.
     */
    @Test
    void theWarmUpAfterAStartReadsTheBoardBeforeTheFirstDashboard() {
        DashboardCounters counters = CountersOnMongo.on(mongo);
        counters.applyAll(board(20261209L), 0);
        WatchedTemplate watched = new WatchedTemplate(mongo.template());
        CounterQueries keeping = new CounterQueries(watched);

        new DashboardWarmUp(keeping, organisation(), InMemoryMongo.clockAt(Instant.parse("2026-03-02T08:00:00Z")), 2).readTheBoard();
        assertThat(watched.finds).as("the months and the samples read ahead").isEqualTo(2);
        watched.finds = 0;

        // the warm-up read 2024-08-01 to 2026-08-01: the board's dashboard over both school years, or any whole months in them
        assertThat(seen(keeping.tally(BOARD, WINDOWS[0][0], WINDOWS[0][1])))
                .isEqualTo(readAfresh(WINDOWS[0][0], WINDOWS[0][1]));
        keeping.tally(BOARD.subList(1, 2), LocalDate.of(2025, 2, 1), LocalDate.of(2025, 6, 1));
        assertThat(watched.finds).as("nothing read again").isZero();

        // what the warm-up read whole it stored together: another replica's first dashboard reads no month document
        assertThat(readAsANewReplica(watched, WINDOWS[0][0], WINDOWS[0][1])).isEqualTo(readAfresh(WINDOWS[0][0], WINDOWS[0][1]));
        assertThat(watched.finds).as("another replica: only the samples").isEqualTo(1);
    }

    /**
     * A rebuilt generation is read ahead once it has caught up, before it is served: after the switch the replica that
     * switched reads nothing more for its first dashboard, and another replica's first dashboard reads the school years
     * stored together, no month document — where both would have read every month of the new generation.
     */
    @Test
    void aRebuiltGenerationIsReadAheadBeforeItIsServed() {
        List<PublishedEvent> events = board(20261206L);
        DashboardCounters counters = CountersOnMongo.on(mongo);
        counters.applyAll(events, 0);
        counters.prepareStorage(1);
        counters.applyAll(events, 1);
        WatchedTemplate watched = new WatchedTemplate(mongo.template());
        AtomicInteger served = new AtomicInteger(0);
        CounterQueries keeping = new CounterQueries(watched, served::get, 20_000, 2_000);
        String asServed = seen(keeping.tally(BOARD, WINDOWS[0][0], WINDOWS[0][1]));
        DashboardWarmUp warmUp = new DashboardWarmUp(keeping, organisation(), InMemoryMongo.clockAt(Instant.parse("2026-03-02T08:00:00Z")), 2);

        watched.finds = 0;
        warmUp.prepare("meldcode-cases", 1);
        assertThat(watched.finds).as("another read model's switch reads no counters").isZero();
        warmUp.prepare(DashboardCounters.NAME, 1);
        assertThat(watched.finds).as("the new generation's months and samples read ahead").isEqualTo(2);
        assertThat(seen(keeping.tally(BOARD, WINDOWS[0][0], WINDOWS[0][1]))).as("still served: generation 0").isEqualTo(asServed);

        served.set(1);
        watched.finds = 0;
        assertThat(seen(keeping.tally(BOARD, WINDOWS[0][0], WINDOWS[0][1]))).isEqualTo(asServed);
        assertThat(watched.finds).as("the replica that switched: nothing read again").isZero();
        try (CounterQueries another = new CounterQueries(watched, served::get, 20_000, 2_000)) {
            assertThat(seen(another.tally(BOARD, WINDOWS[0][0], WINDOWS[0][1]))).isEqualTo(asServed);
        }
        assertThat(watched.finds).as("another replica: only the samples").isEqualTo(1);
    }

    /**
     * A dashboard read while a poll is between its writes (the months about to be added to) keeps what it read under
     * the stamps of then; the poll's stamps, written after its months, make the next dashboard read them again. Stamped
     * before the months, the next dashboard would keep the old months under the new stamps.
     */
    @Test
    void aDashboardReadWhileAPollWritesKeepsNothingPastThePoll() {
        List<PublishedEvent> events = board(20261205L);
        WatchedTemplate template = new WatchedTemplate(mongo.template());
        CounterQueries keeping = new CounterQueries(mongo.template());
        template.beforeMonths = () -> keeping.tally(BOARD, WINDOWS[0][0], WINDOWS[0][1]);
        DashboardCounters counters = CountersOnMongo.on(template);
        Random random = new Random(5);
        for (int from = 0; from < events.size(); ) {
            List<PublishedEvent> poll = events.subList(from, Math.min(events.size(), from + 1 + random.nextInt(30)));
            counters.applyAll(poll, 0);
            from += poll.size();
            assertThat(seen(keeping.tally(BOARD, WINDOWS[0][0], WINDOWS[0][1]))).as("after %d events", from)
                    .isEqualTo(readAfresh(WINDOWS[0][0], WINDOWS[0][1]));
        }
    }

    /**
     * A poll that crashed after its writes and before its stamps comes again — cut shorter, so that the rest of its events
     * come in the next polls, and what they find written they do not write again — and the polls stamp what they find:
     * once every event of the crashed poll has come again, the dashboard that kept the months from before the crash
     * reads them again. (Until then it may show the months as they were before the crashed poll: what that poll wrote is
     * counted, but not yet stamped.)
     */
    @Test
    void aPollThatCrashedBeforeItsStampsIsStampedWhenItsEventsComeAgain() {
        List<PublishedEvent> events = board(20261206L);
        WatchedTemplate template = new WatchedTemplate(mongo.template());
        DashboardCounters counters = CountersOnMongo.on(template);
        CounterQueries keeping = new CounterQueries(mongo.template());
        Random random = new Random(9);
        int crashed = 0;
        int compared = 0;
        int crashedUpTo = 0;
        for (int from = 0; from < events.size(); ) {
            List<PublishedEvent> poll = events.subList(from, Math.min(events.size(), from + 2 + random.nextInt(12)));
            keeping.tally(BOARD, WINDOWS[1][0], WINDOWS[1][1]);
            template.crashAtTheStamps = random.nextInt(3) == 0;
            List<PublishedEvent> applied = poll;
            if (template.crashAtTheStamps) {
                assertThatThrownBy(() -> counters.applyAll(poll, 0)).hasMessageContaining("stamps");
                crashed++;
                crashedUpTo = from + poll.size();
                // the poll again from its first offset, ending inside it
                applied = poll.subList(0, 1 + random.nextInt(poll.size()));
            }
            counters.applyAll(applied, 0);
            from += applied.size();
            if (from >= crashedUpTo) {
                assertThat(seen(keeping.tally(BOARD, WINDOWS[1][0], WINDOWS[1][1]))).as("after %d events", from)
                        .isEqualTo(readAfresh(WINDOWS[1][0], WINDOWS[1][1]));
                compared++;
            }
        }
        assertThat(crashed).isGreaterThan(5);
        assertThat(compared).isGreaterThan(10);
    }

    /**
     * A replica that kept nothing reads the school years a reader before it stored together, and only while their stamp
     * stands: after a poll stamped a school year anew it reads that school year's months again. Without the stamp's
     * check the last dashboard would show the counts from before the poll.
     */
    @Test
    void aNewReplicaReadsTheSchoolYearsStoredTogetherWhileTheirStampStands() {
        List<PublishedEvent> events = board(20261210L);
        DashboardCounters counters = CountersOnMongo.on(mongo);
        counters.applyAll(events.subList(0, events.size() - 10), 0);
        String first = readAsANewReplica(mongo.template(), WINDOWS[0][0], WINDOWS[0][1]);
        assertThat(first).isEqualTo(readAfresh(WINDOWS[0][0], WINDOWS[0][1]));
        assertThat(mongo.template().getCollection("dashboard_counter_year_totals").countDocuments())
                .as("three schools' two school years stored together").isEqualTo(6);

        WatchedTemplate watched = new WatchedTemplate(mongo.template());
        assertThat(readAsANewReplica(watched, WINDOWS[0][0], WINDOWS[0][1])).isEqualTo(first);
        assertThat(watched.finds).as("only the samples read; no month document").isEqualTo(1);

        counters.applyAll(events.subList(events.size() - 10, events.size()), 0);
        watched.finds = 0;
        assertThat(readAsANewReplica(watched, WINDOWS[0][0], WINDOWS[0][1])).isNotEqualTo(first)
                .isEqualTo(readAfresh(WINDOWS[0][0], WINDOWS[0][1]));
        assertThat(watched.finds).as("the months of the school years stamped anew read again").isEqualTo(2);
    }

    /**
     * A new replica's dashboard during which a poll writes its months and stamps (after the dashboard read the stamps,
     * before it read the months) stores what it read under the stamps from before the poll: the next new replica reads the
     * months again, and every one of them sees what a reader of every month document sees.
     */
    @Test
    void aSchoolYearStoredWhileAPollWritesIsReadAgainAfterThePoll() {
        List<PublishedEvent> events = board(20261211L);
        DashboardCounters counters = CountersOnMongo.on(mongo);
        WatchedTemplate watched = new WatchedTemplate(mongo.template());
        Random random = new Random(11);
        int from = 0;
        int polls = 0;
        while (from < events.size()) {
            List<PublishedEvent> poll = events.subList(from, Math.min(events.size(), from + 1 + random.nextInt(15)));
            watched.beforeNextFind = () -> counters.applyAll(poll, 0);
            readAsANewReplica(watched, WINDOWS[0][0], WINDOWS[0][1]);
            from += poll.size();
            polls++;
            assertThat(readAsANewReplica(mongo.template(), WINDOWS[0][0], WINDOWS[0][1])).as("after %d events", from)
                    .isEqualTo(readAfresh(WINDOWS[0][0], WINDOWS[0][1]));
        }
        assertThat(polls).isGreaterThan(10);
    }

    /** Storing a school year is a shortcut for the next reader: when the store refuses it, the dashboard answers all the same. */
    @Test
    void aDashboardWhoseSchoolYearsCannotBeStoredAnswersAllTheSame() {
        DashboardCounters counters = CountersOnMongo.on(mongo);
        counters.applyAll(board(20261212L), 0);
        WatchedTemplate refusing = new WatchedTemplate(mongo.template());
        refusing.refuseStoredSchoolYears = true;
        assertThat(readAsANewReplica(refusing, WINDOWS[0][0], WINDOWS[0][1])).isEqualTo(readAfresh(WINDOWS[0][0], WINDOWS[0][1]));
        assertThat(mongo.template().getCollection("dashboard_counter_year_totals").countDocuments()).isZero();
    }

    /**
     * A school's open cases are kept under the stamp their document carries: the next dashboard reads only the stamps, and
     * after a poll reads again the schools it changed — and sees what a reader that keeps nothing sees. (The first test
     * above compares every poll's dashboards with such a reader; a stamp left unchanged by a write fails it.)
     */
    @Test
    void openCasesAreReadAgainOnlyForTheSchoolsWrittenSince() {
        List<PublishedEvent> events = board(20261213L);
        // the last event of a meldcode case comes after the first read
        int last = events.size() - 1;
        while (!(events.get(last).payload() instanceof MeldcodeCaseEvent)) {
            last--;
        }
        DashboardCounters counters = CountersOnMongo.on(mongo);
        counters.applyAll(events.subList(0, last), 0);
        WatchedTemplate watched = new WatchedTemplate(mongo.template());
        CounterQueries keeping = new CounterQueries(watched);
        Tally first = keeping.tally(BOARD, WINDOWS[0][0], WINDOWS[0][1]);
        assertThat(first.openCases()).as("cases open at the end of the board's history").isNotEmpty();
        assertThat(watched.openCaseFinds).as("the stamps, then the cases").isEqualTo(2);

        watched.openCaseFinds = 0;
        assertThat(seen(keeping.tally(BOARD, WINDOWS[0][0], WINDOWS[0][1]))).isEqualTo(seen(first));
        assertThat(watched.openCaseFinds).as("only the stamps").isEqualTo(1);

        counters.applyAll(events.subList(last, events.size()), 0);
        watched.openCaseFinds = 0;
        assertThat(seen(keeping.tally(BOARD, WINDOWS[0][0], WINDOWS[0][1]))).isEqualTo(readAfresh(WINDOWS[0][0], WINDOWS[0][1]));
        assertThat(watched.openCaseFinds).as("the stamps, then the schools written since").isEqualTo(2);
    }

    /**
     * Open cases counted by an older format have no stamp: read for every dashboard, never kept, so a change that format
     * makes (without a stamp) is in the next dashboard.
     */
    @Test
    void openCasesWithoutAStampAreReadEachTime() {
        DashboardCounters counters = CountersOnMongo.on(mongo);
        counters.applyAll(board(20261214L), 0);
        MongoCollection<Document> openCases = mongo.template().getCollection("dashboard_open_cases");
        openCases.updateMany(new Document(), new Document("$unset", new Document("stamp", "")));
        CounterQueries keeping = new CounterQueries(mongo.template());
        Tally before = keeping.tally(BOARD, WINDOWS[0][0], WINDOWS[0][1]);

        Document school = openCases.find(new Document("cases", new Document("$exists", true))).first();
        String aCase = school.get("cases", Document.class).keySet().iterator().next();
        openCases.updateOne(new Document("_id", school.getString("_id")), new Document("$unset", new Document("cases." + aCase, "")));

        Tally after = keeping.tally(BOARD, WINDOWS[0][0], WINDOWS[0][1]);
        assertThat(after.openCases()).hasSize(before.openCases().size() - 1);
        assertThat(seen(after)).isEqualTo(readAfresh(WINDOWS[0][0], WINDOWS[0][1]));
    }

    /** Months without stamps (written before there were stamps) are read for every dashboard, never kept. */
    @Test
    void monthsWithoutStampsAreReadEachTime() {
        DashboardCounters counters = CountersOnMongo.on(mongo);
        board(20261207L).forEach(counters::apply);
        mongo.template().dropCollection("dashboard_counter_stamps");
        CounterQueries keeping = new CounterQueries(mongo.template());
        String before = seen(keeping.tally(BOARD, WINDOWS[0][0], WINDOWS[0][1]));

        Document month = mongo.template().getCollection("dashboard_counters").find().first();
        mongo.template().getCollection("dashboard_counters").updateOne(new Document("_id", month.getString("_id")),
                new Document("$inc", new Document("totals.opened", 1000)));

        String after = seen(keeping.tally(BOARD, WINDOWS[0][0], WINDOWS[0][1]));
        assertThat(after).isNotEqualTo(before).isEqualTo(readAfresh(WINDOWS[0][0], WINDOWS[0][1]));
    }

    /**
     * What a reader that keeps nothing and reads every month from its document sees (closed after: each has its own read
     * pool).
     */
    private String readAfresh(LocalDate from, LocalDate to) {
        try (CounterQueries fresh = CounterQueries.monthByMonth(mongo.template())) {
            return seen(fresh.tally(BOARD, from, to));
        }
    }

    private static OrganisationProperties organisation() {
        return new OrganisationProperties(new OrganisationProperties.Unit("bestuur", "Bestuur"), List.of(
                new OrganisationProperties.Cluster("noord", "Noord", BOARD.subList(0, 2).stream().map(id -> new School(id, id)).toList()),
                new OrganisationProperties.Cluster("zuid", "Zuid", List.of(new School(BOARD.get(2), BOARD.get(2))))));
    }

    /** What a replica that kept nothing yet sees: it reads the school years other readers stored together. */
    private static String readAsANewReplica(MongoTemplate template, LocalDate from, LocalDate to) {
        try (CounterQueries fresh = new CounterQueries(template)) {
            return seen(fresh.tally(BOARD, from, to));
        }
    }

    /** What a dashboard adds up, written out in a fixed order: counts per school and day, the samples, the open cases. */
    private static String seen(Tally tally) {
        StringBuilder seen = new StringBuilder();
        new TreeSet<>(tally.counts().keySet()).forEach(school -> tally.counts().get(school).forEach((day, counts) ->
                seen.append(school).append(' ').append(day).append(' ').append(Arrays.toString(counts)).append('\n')));
        tally.samples().stream().map(Tally.Sample::toString).sorted().forEach(sample -> seen.append(sample).append('\n'));
        tally.openCases().stream().map(Tally.OpenCase::toString).sorted().forEach(open -> seen.append(open).append('\n'));
        return seen.toString();
    }
}
