package nl.meldspoor.reporting.dashboard.counters;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.meldspoor.reporting.readmodel.Generations;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The writes of one poll to the school months and their samples, sent as one bulk write per kind in the order one
 * aggregate's writes need: every month's {@code $inc} first ({@link #addToMonths}), then the samples; then (by
 * {@link DashboardCounters}) the open cases and the folds with their contributions. A crash between two bulk writes is
 * the crash between two writes of one aggregate, for all of them at once: the poll comes again (perhaps cut otherwise),
 * and a month that still holds the guard of an aggregate's change not stored as a contribution refuses the next one,
 * which is then added from what the guard says the month holds (the refused addition's own recovery, run before
 * anything else of the poll is written). Then the months and their school years' samples get a new stamp
 * ({@link #stampMonths}, {@link CounterStamps}), and once the folds are stored the months forget the guards earlier polls
 * settled ({@link #forgetEarlierGuards}).
 *
 * <p>What a poll writes to one document goes as one update: the additions of all its aggregates to a month (one
 * {@code $inc} of their summed changes, setting every aggregate's guard, applied only if the month holds none of them
 * but settled ones), the samples of a school year. The guards the poll's contributions settle are not forgotten now but
 * by the next poll ({@link SettledGuards}): in its update of the month where it writes one, else on their own after its
 * contributions. In a rebuild, whose polls move many aggregates of one school month, the store then reads, matches and
 * writes each month about once per poll instead of twice per aggregate. One combined update is the same as its parts one
 * after the other without a crash in between, since each is atomic; where it is refused, its parts are written one by
 * one as before (a guard a crash left refuses only its own aggregate's; a guard to forget that has changed since is
 * left).
 */
final class CounterWrites {

    private static final int DUPLICATE_KEY = 11000;
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoTemplate mongo;
    private final int generation;
    private final Map<Object, List<Addition>> monthAdditions = new LinkedHashMap<>();
    private final Map<Object, List<UpdateOneModel<Document>>> samples = new LinkedHashMap<>();
    private final Map<String, Map<String, Long>> earlierGuards;
    private final Map<String, Map<String, Long>> settledGuards = new LinkedHashMap<>();
    private final Set<String> stampedMonths = new LinkedHashSet<>();

    /**
     * An aggregate's guarded addition to a month (by its field key), and what to do when the month refuses it; or an
     * earlier guard forgotten in the same update ({@code fieldKey} null, nothing to do when refused).
     */
    private record Addition(String fieldKey, UpdateOneModel<Document> write, Runnable refused) {
    }

    /**
     * @param earlierGuards the guards earlier polls settled, by month and field key ({@link SettledGuards#take}): this
     *                      poll forgets them
     */
    CounterWrites(MongoTemplate mongo, int generation, Map<String, Map<String, Long>> earlierGuards) {
        this.mongo = mongo;
        this.generation = generation;
        this.earlierGuards = new LinkedHashMap<>(earlierGuards);
    }

    /**
     * A month's guarded {@code $inc}, inserting the month when there is none; {@code refused} runs when the month is there
     * and its guard refuses the addition.
     */
    void addToMonth(String fieldKey, Document guard, Document update, Runnable refused) {
        monthAdditions.computeIfAbsent(guard.get("_id"), month -> new ArrayList<>())
                .add(new Addition(fieldKey, new UpdateOneModel<>(guard, update, UPSERT), refused));
    }

    void setSamples(String samplesId, Document update) {
        samples.computeIfAbsent(samplesId, id -> new ArrayList<>()).add(new UpdateOneModel<>(new Document("_id", samplesId), update, UPSERT));
    }

    /** The aggregate's contribution is stored as of {@code sequence}: the month's guard up to it may be forgotten. */
    void settle(String monthId, String fieldKey, long sequence) {
        settledGuards.computeIfAbsent(monthId, month -> new LinkedHashMap<>()).merge(fieldKey, sequence, Math::max);
    }

    /** The guards this poll settled, for the next one to forget ({@link SettledGuards#settled}). */
    Map<String, Map<String, Long>> settledGuards() {
        return settledGuards;
    }

    /**
     * The month is stamped anew after the poll's writes ({@link CounterStamps}): every month the poll's aggregates were
     * written to, or looked at and found written (after a crash, what the poll that came again finds written may have
     * been written by the poll that crashed before stamping).
     */
    void stamp(String monthId) {
        stampedMonths.add(monthId);
    }

    /** The collection {@code base} of the generation being written. */
    MongoCollection<Document> collection(String base) {
        return mongo.getCollection(collectionName(base));
    }

    String collectionName(String base) {
        return Generations.nameOf(base, generation);
    }

    /** The months' additions, then the samples. */
    void addToMonths() {
        monthAdditions.forEach((monthId, additions) -> forgetEarlierGuardsAlong((String) monthId, additions));
        List<List<Addition>> byMonth = new ArrayList<>(monthAdditions.values());
        List<UpdateOneModel<Document>> additions = byMonth.stream()
                .map(parts -> CombinedUpdates.asOne(parts.stream().map(Addition::write).toList(), UPSERT))
                .toList();
        for (int index : duplicates(MonthCounters.COLLECTION, additions)) {
            // refused: another replica inserted the month in between (then it takes the addition without the insert), or
            // the month holds the guard of one of the aggregates (then each is written on its own)
            if (!updatedWithoutInsert(additions.get(index))) {
                for (Addition part : byMonth.get(index)) {
                    if (byMonth.get(index).size() == 1 || !updatedWithoutInsert(part.write())) {
                        part.refused().run();
                    }
                }
            }
        }
        upsert(SchoolYearSamples.COLLECTION, samples.values().stream()
                .map(parts -> CombinedUpdates.asOne(parts, UPSERT)).toList());
    }

    /**
     * After the months (a reader keeps what it read under a stamp, so the stamp must change after the month, never
     * before), and before the folds: a crash before it brings the poll's events again, which stamp what they find.
     */
    void stampMonths() {
        upsert(CounterStamps.COLLECTION, CounterStamps.stamping(stampedMonths));
    }

    private boolean updatedWithoutInsert(UpdateOneModel<Document> write) {
        return collection(MonthCounters.COLLECTION).updateOne(write.getFilter(), write.getUpdate()).getMatchedCount() > 0;
    }

    /**
     * The month's earlier guards are forgotten in its update (none the poll sets anew, which its {@code $set} replaces),
     * each only if it is still the settled one or older: a guard set since, by another replica after a rebalance, stays.
     */
    private void forgetEarlierGuardsAlong(String monthId, List<Addition> additions) {
        Map<String, Long> earlier = earlierGuards.remove(monthId);
        if (earlier == null) {
            return;
        }
        Set<String> setAnew = new LinkedHashSet<>();
        additions.forEach(addition -> setAnew.add(addition.fieldKey()));
        earlier.forEach((fieldKey, sequence) -> {
            if (!setAnew.contains(fieldKey)) {
                additions.add(new Addition(null, forgetting(monthId, fieldKey, sequence), () -> { }));
            }
        });
    }

    /**
     * The earlier guards of months this poll did not add to are forgotten on their own, one update per month, each guard
     * only up to its sequence number. A combined one matches unless the month holds a later guard of one of them; where
     * fewer updates matched than were sent, each guard of a combined one is forgotten on its own (forgetting is
     * conditional, so doing it again changes nothing).
     */
    void forgetEarlierGuards() {
        if (earlierGuards.isEmpty()) {
            return;
        }
        List<List<UpdateOneModel<Document>>> byMonth = new ArrayList<>();
        earlierGuards.forEach((monthId, guards) -> byMonth.add(guards.entrySet().stream()
                .map(guard -> forgetting(monthId, guard.getKey(), guard.getValue())).toList()));
        List<UpdateOneModel<Document>> forgets = byMonth.stream()
                .map(parts -> CombinedUpdates.asOne(parts, new UpdateOptions())).toList();
        MongoCollection<Document> months = collection(MonthCounters.COLLECTION);
        if (months.bulkWrite(forgets, new BulkWriteOptions().ordered(false)).getMatchedCount() < forgets.size()) {
            List<UpdateOneModel<Document>> oneByOne = byMonth.stream().filter(parts -> parts.size() > 1).flatMap(List::stream).toList();
            if (!oneByOne.isEmpty()) {
                months.bulkWrite(oneByOne, new BulkWriteOptions().ordered(false));
            }
        }
    }

    /** The month forgets the aggregate's guard if it is the one settled at {@code sequence} or older (or none is left). */
    private static UpdateOneModel<Document> forgetting(String monthId, String fieldKey, long sequence) {
        String guard = MonthCounters.ADDING + "." + fieldKey;
        return new UpdateOneModel<>(new Document("_id", monthId).append(guard + ".sequence", new Document("$not", new Document("$gt", sequence))),
                new Document("$unset", new Document(guard, "")));
    }

    /** The documents of the generation's collection {@code base} with these ids, read at once. */
    List<Document> findByIds(String base, java.util.Collection<String> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, collectionName(base));
    }

    /**
     * Upserts all; one refused as a duplicate key met a document its filter did not match: one whose guard holds this
     * change already, or one another replica inserted between this one's look and its insert. It is written again
     * without the insert: to the document there now, unless its guard says it has the change.
     */
    private void upsert(String collection, List<UpdateOneModel<Document>> writes) {
        for (int refused : duplicates(collection, writes)) {
            collection(collection).updateOne(writes.get(refused).getFilter(), writes.get(refused).getUpdate());
        }
    }

    /** Writes all, unordered; returns the indexes of those refused as a duplicate key, and throws on any other failure. */
    private List<Integer> duplicates(String collection, List<UpdateOneModel<Document>> writes) {
        if (writes.isEmpty()) {
            return List.of();
        }
        try {
            collection(collection).bulkWrite(List.<WriteModel<Document>>copyOf(writes), new BulkWriteOptions().ordered(false));
            return List.of();
        } catch (MongoBulkWriteException failure) {
            if (failure.getWriteConcernError() != null || failure.getWriteErrors().stream().anyMatch(error -> error.getCode() != DUPLICATE_KEY)) {
                throw failure;
            }
            return failure.getWriteErrors().stream().map(BulkWriteError::getIndex).sorted().toList();
        }
    }
}
