package nl.meldspoor.reporting.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.reporting.InMemoryMongo;
import nl.meldspoor.reporting.dashboard.counters.DashboardCounters;
import nl.meldspoor.reporting.organisation.OrganisationProperties.School;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * An event adds its difference to the month first, then stores the aggregate's contribution, then its fold: a crash
 * between any two of these brings the event again (its offset was not committed), and it must count nothing twice.
 */
class CountersSurviveACrashBetweenTheirWritesTest {

    /**
     * Where the replica stops, once: before the samples, before the contribution, before the months forget their guards
     * (the second write to the months), or before the fold (and the open case) is written.
     */
    private enum CrashPoint { BEFORE_SAMPLES, BEFORE_CONTRIBUTION, BEFORE_GUARDS_FORGOTTEN, BEFORE_FOLD }

    private static final class CrashingTemplate extends MongoTemplate {
        private CrashPoint armed;
        private int monthWrites;

        void arm(CrashPoint point) {
            armed = point;
            monthWrites = 0;
        }

        CrashingTemplate(MongoTemplate like) {
            super(like.getMongoDatabaseFactory(), like.getConverter());
        }

        @Override
        public MongoCollection<Document> getCollection(String collectionName) {
            if (armed == CrashPoint.BEFORE_SAMPLES && collectionName.equals("dashboard_counter_samples")) {
                armed = null;
                throw new IllegalStateException("crashed before the samples were written");
            }
            if (armed == CrashPoint.BEFORE_GUARDS_FORGOTTEN && collectionName.equals("dashboard_counters") && ++monthWrites == 2) {
                armed = null;
                throw new IllegalStateException("crashed before the months forgot their guards");
            }
            if (armed == CrashPoint.BEFORE_CONTRIBUTION && collectionName.equals("dashboard_counter_contributions")) {
                armed = null;
                throw new IllegalStateException("crashed before the contribution was written");
            }
            // a poll stores its open cases, then its folds, each in one bulk write
            if (armed == CrashPoint.BEFORE_FOLD && (collectionName.equals("dashboard_open_cases") || collectionName.equals("dashboard_counter_sources"))) {
                armed = null;
                throw new IllegalStateException("crashed before the fold was saved");
            }
            return super.getCollection(collectionName);
        }

        @Override
        public <T> T save(T objectToSave) {
            if (armed == CrashPoint.BEFORE_FOLD) {
                armed = null;
                throw new IllegalStateException("crashed before the fold was saved");
            }
            return super.save(objectToSave);
        }
    }

    private final InMemoryMongo clean = new InMemoryMongo();
    private final InMemoryMongo crashing = new InMemoryMongo();

    @AfterEach
    void tearDown() {
        clean.close();
        crashing.close();
    }

    /** A generated board of two schools, counted one event at a time without a crash into the clean store. */
    private List<PublishedEvent> countedCleanly(long seed) {
        List<School> schools = List.of(new School("school-0", "School 0"), new School("school-1", "School 1"));
        List<PublishedEvent> events = new ArrayList<>();
        BoardHistory.generate(seed, schools, java.time.LocalDate.of(2025, 8, 1), 1, 6).forEach(events::addAll);
        DashboardCounters counters = CountersOnMongo.on(clean);
        events.forEach(counters::apply);
        return events;
    }

    @Test
    void anEventThatComesAgainAfterACrashBetweenItsWritesCountsOnce() {
        List<PublishedEvent> events = countedCleanly(20261203L);

        CrashingTemplate template = new CrashingTemplate(crashing.template());
        DashboardCounters crashes = CountersOnMongo.on(template);
        Random random = new Random(7);
        int crashed = 0;
        for (PublishedEvent event : events) {
            template.arm(CrashPoint.values()[random.nextInt(CrashPoint.values().length)]);
            try {
                crashes.apply(event);
            } catch (IllegalStateException crash) {
                crashed++;
            }
            template.armed = null;
            crashes.apply(event); // the event comes again
        }

        assertThat(crashed).as("crashes between the writes happened").isGreaterThan(events.size() / 4);
        assertThat(CountersGiveTheSameDashboardsTest.stored(crashing)).isEqualTo(CountersGiveTheSameDashboardsTest.stored(clean));
    }

    /** A poll sends each kind of write in one bulk write: a crash between two of them, for many aggregates at once, counts nothing twice. */
    @Test
    void aPollThatComesAgainAfterACrashBetweenItsBulkWritesCountsOnce() {
        List<PublishedEvent> events = countedCleanly(20261204L);

        CrashingTemplate template = new CrashingTemplate(crashing.template());
        DashboardCounters crashes = CountersOnMongo.on(template);
        Random random = new Random(11);
        java.util.Map<CrashPoint, Integer> crashed = new java.util.EnumMap<>(CrashPoint.class);
        for (int from = 0; from < events.size(); ) {
            List<PublishedEvent> poll = events.subList(from, Math.min(events.size(), from + 1 + random.nextInt(40)));
            CrashPoint point = CrashPoint.values()[random.nextInt(CrashPoint.values().length)];
            template.arm(point);
            try {
                crashes.applyAll(poll, 0);
            } catch (IllegalStateException crash) {
                crashed.merge(point, 1, Integer::sum);
            }
            template.armed = null;
            crashes.applyAll(poll, 0); // the poll comes again
            from += poll.size();
        }

        assertThat(crashed).as("a crash at every point between the bulk writes").containsOnlyKeys(CrashPoint.values());
        assertThat(CountersGiveTheSameDashboardsTest.stored(crashing)).isEqualTo(CountersGiveTheSameDashboardsTest.stored(clean));
    }

    @Test
    void theCrashPointsAreReached() {
        CrashingTemplate template = new CrashingTemplate(crashing.template());
        DashboardCounters crashes = CountersOnMongo.on(template);
        List<PublishedEvent> events = new ArrayList<>();
        BoardHistory.generate(5L, List.of(new School("school-0", "School 0")), java.time.LocalDate.of(2025, 8, 1), 1, 1).forEach(events::addAll);
        template.arm(CrashPoint.BEFORE_CONTRIBUTION);
        assertThatThrownBy(() -> crashes.apply(events.get(0))).hasMessageContaining("contribution");
        template.arm(CrashPoint.BEFORE_GUARDS_FORGOTTEN);
        assertThatThrownBy(() -> crashes.apply(events.get(0))).hasMessageContaining("guards");
        template.arm(CrashPoint.BEFORE_FOLD);
        assertThatThrownBy(() -> crashes.apply(events.get(0))).hasMessageContaining("fold");
    }
}
