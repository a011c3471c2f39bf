package nl.meldspoor.reporting.dashboard.counters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.meldspoor.api.calendar.WorkingDays;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.platform.consuming.StoredEvents;
import nl.meldspoor.platform.testing.history.CaseHistoryBuilder;
import nl.meldspoor.reporting.InMemoryMongo;
import nl.meldspoor.reporting.meldcase.CaseDeadlines;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * Two replicas share the partitions of the dashboard-counters group: cases of one school on different partitions
 * are counted by different replicas into the same school month. Neither may lose the other's update.
 */
class TwoReplicasWriteOneSchoolMonthTest {

    private static final Instant SEPTEMBER = Instant.parse("2026-09-07T08:00:00Z");

    /** A replica's Mongo access that lets the other replica write right after this one has read a month. */
    private static final class InterleavingTemplate extends MongoTemplate {
        private Runnable otherReplica;

        InterleavingTemplate(MongoTemplate like) {
            super(like.getMongoDatabaseFactory(), like.getConverter());
        }

        void afterNextContributionRead(Runnable otherReplica) {
            this.otherReplica = otherReplica;
        }

        /** Between reading what the cases contributed before (with their folds) and adding the differences to the month. */
        @Override
        public <T> java.util.List<T> find(org.springframework.data.mongodb.core.query.Query query, Class<T> entityClass, String collectionName) {
            java.util.List<T> found = super.find(query, entityClass, collectionName);
            if (CounterSource.COLLECTION.equals(collectionName) && otherReplica != null) {
                Runnable now = otherReplica;
                otherReplica = null;
                now.run();
            }
            return found;
        }
    }

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final InterleavingTemplate firstReplicasMongo = new InterleavingTemplate(mongo.template());
    private final DashboardCounters firstReplica = replicaOn(firstReplicasMongo);
    private final DashboardCounters secondReplica = replicaOn(mongo.template());

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    private static DashboardCounters replicaOn(MongoTemplate template) {
        DashboardCounters counters = new DashboardCounters(template, (MongoMappingContext) template.getConverter().getMappingContext(),
                new StoredEvents(CaseHistoryBuilder.JSON), new CaseDeadlines(WorkingDays.dutch(), 5));
        counters.prepareStorage();
        return counters;
    }

    private static List<PublishedEvent> aCaseOpenedIn(String school, int day) {
        return CaseHistoryBuilder.openedAt(school, SEPTEMBER.plusSeconds(86_400L * day)).consultedColleague().published();
    }

    private Document september(String school) {
        return mongo.template().findById(MonthCounters.idOf(school, "2026-09"), Document.class, MonthCounters.COLLECTION);
    }

    private int openedIn(String school) {
        return september(school).get("totals", Document.class).getInteger("opened", 0);
    }

    @Test
    void aMonthWrittenByTheOtherReplicaBetweenReadAndWriteKeepsBothCases() {
        secondReplica.apply(aCaseOpenedIn("school-a", 0).get(0));
        List<PublishedEvent> first = aCaseOpenedIn("school-a", 1);
        List<PublishedEvent> second = aCaseOpenedIn("school-a", 2);

        firstReplicasMongo.afterNextContributionRead(() -> secondReplica.apply(second.get(0)));
        firstReplica.apply(first.get(0));

        assertThat(openedIn("school-a")).isEqualTo(3);
        assertThat(mongo.template().getCollection(CounterSource.COLLECTION).find().into(new ArrayList<>()).stream()
                .filter(fold -> StoredFold.contributionsOf(fold).containsKey(DashboardCounters.fieldKey("school-a|2026-09")))).hasSize(3);
        assertThat(GuardsInMonths.unsettled(mongo.template(), 0)).as("once the contributions are stored, every guard left is settled").isEmpty();
    }

    @Test
    void aMonthBothReplicasStartAtOnceKeepsBothCases() {
        List<PublishedEvent> first = aCaseOpenedIn("school-b", 1);
        List<PublishedEvent> second = aCaseOpenedIn("school-b", 2);

        firstReplicasMongo.afterNextContributionRead(() -> secondReplica.apply(second.get(0)));
        firstReplica.apply(first.get(0));

        assertThat(openedIn("school-b")).isEqualTo(2);
    }

    /**
     * Both replicas upsert a month that is not there: on MongoDB one insert wins and the other's upsert is refused as a
     * duplicate key (its filter holds more than the {@code _id}, so the server does not retry it). mongo-java-server runs
     * commands one at a time, so the refusal is answered here as MongoDB would: the other replica's month is inserted
     * first, then this replica's bulk write is refused. This replica's change must still reach the month.
     */
    @Test
    void aMonthTheOtherReplicaInsertedWhileThisOneUpsertedItKeepsBothCases() {
        List<PublishedEvent> first = aCaseOpenedIn("school-d", 1);
        List<PublishedEvent> second = aCaseOpenedIn("school-d", 2);
        MongoTemplate racing = new MongoTemplate(mongo.template().getMongoDatabaseFactory(), mongo.template().getConverter()) {
            private boolean raced;

            @Override
            @SuppressWarnings("unchecked")
            public com.mongodb.client.MongoCollection<Document> getCollection(String name) {
                com.mongodb.client.MongoCollection<Document> real = super.getCollection(name);
                if (raced || !MonthCounters.COLLECTION.equals(name)) {
                    return real;
                }
                return (com.mongodb.client.MongoCollection<Document>) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {com.mongodb.client.MongoCollection.class}, (proxy, method, arguments) -> {
                            if (!raced && method.getName().equals("bulkWrite")) {
                                raced = true;
                                secondReplica.apply(second.get(0));
                                List<com.mongodb.bulk.BulkWriteError> refused = new ArrayList<>();
                                for (int i = 0; i < ((List<?>) arguments[0]).size(); i++) {
                                    refused.add(new com.mongodb.bulk.BulkWriteError(11000, "E11000 duplicate key error", new org.bson.BsonDocument(), i));
                                }
                                throw new com.mongodb.MongoBulkWriteException(com.mongodb.bulk.BulkWriteResult.acknowledged(0, 0, 0, 0,
                                        List.of(), List.of()), refused, null, new com.mongodb.ServerAddress(), java.util.Set.of());
                            }
                            try {
                                return method.invoke(real, arguments);
                            } catch (java.lang.reflect.InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
        };

        replicaOn(racing).apply(first.get(0));

        assertThat(openedIn("school-d")).isEqualTo(2);
        assertThat(GuardsInMonths.unsettled(mongo.template(), 0)).as("once the contributions are stored, every guard left is settled").isEmpty();
    }

    @Test
    void twoReplicasCountingOneSchoolsCasesOnTwoThreadsCountEveryCase() throws Exception {
        List<List<PublishedEvent>> forFirst = new ArrayList<>();
        List<List<PublishedEvent>> forSecond = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            (i % 2 == 0 ? forFirst : forSecond).add(aCaseOpenedIn("school-c", i % 20));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> running = List.of(
                    replicas.submit(() -> countAfter(start, firstReplica, forFirst)),
                    replicas.submit(() -> countAfter(start, secondReplica, forSecond)));
            start.countDown();
            for (Future<?> replica : running) {
                replica.get();
            }
        } finally {
            replicas.shutdownNow();
        }

        assertThat(openedIn("school-c")).isEqualTo(60);
        assertThat(september("school-c").get("totals", Document.class).getInteger("reachedStep2")).isEqualTo(60);
    }

    private static Void countAfter(CountDownLatch start, DashboardCounters replica, List<List<PublishedEvent>> cases) throws InterruptedException {
        start.await();
        cases.forEach(history -> history.forEach(replica::apply));
        return null;
    }
}
