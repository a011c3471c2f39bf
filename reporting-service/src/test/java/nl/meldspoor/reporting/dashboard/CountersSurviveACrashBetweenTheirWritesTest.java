package nl.meldspoor.reporting.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOneModel;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import nl.meldspoor.api.signal.SignalCategory;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.platform.testing.history.CaseHistoryBuilder;
import nl.meldspoor.platform.testing.history.PupilHistoryBuilder;
import nl.meldspoor.reporting.InMemoryMongo;
import nl.meldspoor.reporting.dashboard.counters.DashboardCounters;
import nl.meldspoor.reporting.dashboard.counters.GuardsInMonths;
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
     * Where the replica stops, once, at the bulk write of: the samples, the open cases, the folds with their
     * contributions, or the months the poll did not add to forgetting the guards earlier polls settled (their own write
     * to the months).
     */
    private enum CrashPoint {
        BEFORE_SAMPLES("dashboard_counter_samples", "crashed before the samples were written"),
        BEFORE_OPEN_CASES("dashboard_open_cases", "crashed before the open cases were written"),
        BEFORE_CONTRIBUTION("dashboard_counter_sources", "crashed before the folds and their contributions were written"),
        BEFORE_GUARDS_FORGOTTEN("dashboard_counters", "crashed before the months forgot the earlier guards");

        private final String collection;
        private final String message;

        CrashPoint(String collection, String message) {
            this.collection = collection;
            this.message = message;
        }

        /** The bulk write it stops at: for the months, the one of plain updates (the additions before it are upserts). */
        boolean stopsAt(List<?> writes) {
            return this != BEFORE_GUARDS_FORGOTTEN
                    || writes.stream().allMatch(write -> write instanceof UpdateOneModel<?> update && !update.getOptions().isUpsert());
        }
    }

    private static final class CrashingTemplate extends MongoTemplate {
        private CrashPoint armed;

        void arm(CrashPoint point) {
            armed = point;
        }

        CrashingTemplate(MongoTemplate like) {
            super(like.getMongoDatabaseFactory(), like.getConverter());
        }

        /** The collection, with a crash at its next bulk write that the armed point stops at; nothing before it. */
        @Override
        @SuppressWarnings("unchecked")
        public MongoCollection<Document> getCollection(String collectionName) {
            MongoCollection<Document> real = super.getCollection(collectionName);
            if (armed == null || !armed.collection.equals(collectionName)) {
                return real;
            }
            return (MongoCollection<Document>) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {MongoCollection.class},
                    (proxy, method, arguments) -> {
                        CrashPoint point = armed;
                        if (point != null && point.collection.equals(collectionName) && method.getName().equals("bulkWrite")
                                && point.stopsAt((List<?>) arguments[0])) {
                            armed = null;
                            throw new IllegalStateException(point.message);
                        }
                        try {
                            return method.invoke(real, arguments);
                        } catch (InvocationTargetException failure) {
                            throw failure.getCause();
                        }
                    });
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
            List<PublishedEvent> poll = events.subList(from, Math.min(events.size(), from + 1 + random.nextInt(12)));
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

    /**
     * After a crash Kafka brings the poll again from its first offset, but not necessarily cut as before: a restarted
     * consumer's first poll may end earlier or later, inside or past an aggregate's events that the crashed poll had
     * already added to the months. Counted from there on, in new cuts, the months end as in a clean run (with guards of
     * the sequence number only, the months counted such an aggregate's change twice or kept a later one).
     */
    @Test
    void aPollThatComesAgainCutOtherwiseAfterACrashCountsOnce() {
        List<PublishedEvent> events = countedCleanly(20261205L);

        CrashingTemplate template = new CrashingTemplate(crashing.template());
        DashboardCounters crashes = CountersOnMongo.on(template);
        Random random = new Random(13);
        int crashed = 0;
        for (int from = 0; from < events.size(); ) {
            List<PublishedEvent> poll = events.subList(from, Math.min(events.size(), from + 2 + random.nextInt(60)));
            template.arm(CrashPoint.values()[random.nextInt(CrashPoint.values().length)]);
            try {
                crashes.applyAll(poll, 0);
                from += poll.size();
            } catch (IllegalStateException crash) {
                crashed++;
                template.armed = null;
                // the poll again from its first offset, ending somewhere inside it or after it; the rest in the next polls
                List<PublishedEvent> again = events.subList(from, from + 1 + random.nextInt(Math.min(events.size() - from, poll.size() + 30)));
                crashes.applyAll(again, 0);
                from += again.size();
            }
            template.armed = null;
        }

        assertThat(crashed).as("crashes happened").isGreaterThan(5);
        assertThat(CountersGiveTheSameDashboardsTest.stored(crashing)).isEqualTo(CountersGiveTheSameDashboardsTest.stored(clean));
    }

    /**
     * A crash can leave a month holding a change that the poll, when it comes again longer, undoes: the aggregate's
     * contribution is then the stored one again — no difference to add — but the month holds the crashed poll's counts.
     * A replica that saw the crash, and a new one after it, take the change back out.
     */
    @Test
    void aChangeThePollThatComesAgainUndoesIsTakenOutOfTheMonth() {
        Instant at = Instant.parse("2025-10-06T09:00:00Z");
        List<PublishedEvent> events = PupilHistoryBuilder.pupil("family-x").signal("school-0", at, SignalCategory.BULLYING)
                .corrected(0, at.plusSeconds(3600), SignalCategory.SOCIAL_EMOTIONAL)
                .corrected(0, at.plusSeconds(7200), SignalCategory.BULLYING).published();
        DashboardCounters cleanly = CountersOnMongo.on(clean);
        events.forEach(cleanly::apply);

        for (boolean sameReplica : new boolean[]{true, false}) {
            crashing.template().getCollectionNames().forEach(crashing.template()::dropCollection);
            CrashingTemplate template = new CrashingTemplate(crashing.template());
            DashboardCounters crashes = CountersOnMongo.on(template);
            crashes.applyAll(events.subList(0, 1), 0);
            template.arm(CrashPoint.BEFORE_CONTRIBUTION);
            assertThatThrownBy(() -> crashes.applyAll(events.subList(1, 2), 0)).hasMessageContaining("contribution");

            // the poll again from its first offset, now with the correction that undoes it
            (sameReplica ? crashes : CountersOnMongo.on(crashing)).applyAll(events.subList(1, 3), 0);

            assertThat(CountersGiveTheSameDashboardsTest.stored(crashing)).as(sameReplica ? "the replica that crashed" : "a new replica")
                    .isEqualTo(CountersGiveTheSameDashboardsTest.stored(clean));
            assertThat(GuardsInMonths.unsettled(crashing.template(), 0)).as("every guard left is settled").isEmpty();
        }
    }

    @Test
    void theCrashPointsAreReached() {
        CrashingTemplate template = new CrashingTemplate(crashing.template());
        DashboardCounters crashes = CountersOnMongo.on(template);
        List<PublishedEvent> events = CaseHistoryBuilder.openedAt("school-0", Instant.parse("2025-10-06T09:00:00Z")).consultedColleague()
                .askedVeiligThuis().published();
        String caseId = events.get(0).aggregateId();
        PublishedEvent inAnotherMonth = PupilHistoryBuilder.pupil("family-y").signal("school-9", Instant.parse("2026-03-02T09:00:00Z"),
                SignalCategory.BULLYING).published().get(0);

        template.arm(CrashPoint.BEFORE_CONTRIBUTION);
        assertThatThrownBy(() -> crashes.apply(events.get(0))).hasMessageContaining("folds and their contributions");
        assertThat(GuardsInMonths.unsettled(crashing.template(), 0)).as("the guard of a change whose contribution is not stored")
                .containsOnlyKeys("school-0|2025-10/" + caseId);
        crashes.apply(events.get(0)); // again: its fold and contribution stored, its guard settled
        assertThat(GuardsInMonths.unsettled(crashing.template(), 0)).isEmpty();

        template.arm(CrashPoint.BEFORE_GUARDS_FORGOTTEN);
        assertThatThrownBy(() -> crashes.apply(inAnotherMonth)).hasMessageContaining("earlier guards");
        assertThat(GuardsInMonths.all(crashing.template(), 0)).as("the month of the first poll still holds its guard")
                .containsKey("school-0|2025-10/" + caseId);

        template.arm(CrashPoint.BEFORE_SAMPLES);
        assertThatThrownBy(() -> crashes.apply(events.get(1))).hasMessageContaining("samples");
        template.arm(CrashPoint.BEFORE_OPEN_CASES);
        assertThatThrownBy(() -> crashes.apply(events.get(1))).hasMessageContaining("open cases");
        crashes.apply(events.get(1));
        assertThat(GuardsInMonths.all(crashing.template(), 0)).as("the earlier guards forgotten at last, in the month it adds to")
                .containsOnlyKeys("school-0|2025-10/" + caseId);
    }

    /**
     * A poll forgets the guards the polls before it settled only as they were: when the aggregate's partition has moved to
     * another replica in between, which crashed after adding a later change to the month, the month keeps that replica's
     * guard, and the change is counted once when its poll comes again.
     */
    @Test
    void aGuardAnotherReplicaSetSinceIsNotForgottenWithTheEarlierOne() {
        Instant at = Instant.parse("2025-10-06T09:00:00Z");
        List<PublishedEvent> moved = PupilHistoryBuilder.pupil("family-x").signal("school-0", at, SignalCategory.BULLYING)
                .corrected(0, at.plusSeconds(3600), SignalCategory.SOCIAL_EMOTIONAL).published();
        List<PublishedEvent> stays = PupilHistoryBuilder.pupil("family-z").signal("school-0", at.plusSeconds(7200), SignalCategory.BULLYING).published();
        DashboardCounters cleanly = CountersOnMongo.on(clean);
        moved.forEach(cleanly::apply);
        stays.forEach(cleanly::apply);

        DashboardCounters first = CountersOnMongo.on(crashing);
        CrashingTemplate template = new CrashingTemplate(crashing.template());
        DashboardCounters second = CountersOnMongo.on(template);
        first.applyAll(moved.subList(0, 1), 0);
        template.arm(CrashPoint.BEFORE_CONTRIBUTION);
        assertThatThrownBy(() -> second.applyAll(moved.subList(1, 2), 0)).hasMessageContaining("contribution");
        String guard = "school-0|2025-10/" + moved.get(0).aggregateId();
        assertThat(GuardsInMonths.unsettled(crashing.template(), 0)).as("the other replica's guard").containsOnlyKeys(guard);

        first.applyAll(stays, 0); // adds to the same month, forgetting what its own first poll settled

        assertThat(GuardsInMonths.unsettled(crashing.template(), 0)).as("the other replica's guard stays").containsOnlyKeys(guard);
        second.applyAll(moved.subList(1, 2), 0);
        assertThat(CountersGiveTheSameDashboardsTest.stored(crashing)).isEqualTo(CountersGiveTheSameDashboardsTest.stored(clean));
    }
}
