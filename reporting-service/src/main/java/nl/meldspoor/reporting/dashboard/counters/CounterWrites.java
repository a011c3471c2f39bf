package nl.meldspoor.reporting.dashboard.counters;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.meldspoor.reporting.readmodel.Generations;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The writes of one poll to the school months, their samples and the stored contributions, sent as one bulk write per
 * kind in the order one aggregate's writes need: every month's {@code $inc} first, then the samples, then the
 * contributions, then the months forget their guards. A crash between two bulk writes is the crash between two writes
 * of one aggregate, for all of them at once: the poll comes again (perhaps cut otherwise), and a month that still holds
 * the guard of an aggregate's change refuses the next one, which is then added from what the guard says the month holds
 * (the refused addition's own recovery, run before anything else of the poll is written). Last, the months and their
 * school years' samples get a new stamp ({@link CounterStamps}).
 */
final class CounterWrites {

    private static final int DUPLICATE_KEY = 11000;
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoTemplate mongo;
    private final int generation;
    private final List<UpdateOneModel<Document>> monthAdditions = new ArrayList<>();
    private final List<Runnable> onRefused = new ArrayList<>();
    private final List<UpdateOneModel<Document>> samples = new ArrayList<>();
    private final List<UpdateOneModel<Document>> contributions = new ArrayList<>();
    private final List<UpdateOneModel<Document>> forgottenGuards = new ArrayList<>();
    private final Set<String> stampedMonths = new LinkedHashSet<>();

    CounterWrites(MongoTemplate mongo, int generation) {
        this.mongo = mongo;
        this.generation = generation;
    }

    /**
     * A month's guarded {@code $inc}, inserting the month when there is none; {@code refused} runs when the month is there
     * and its guard refuses the addition.
     */
    void addToMonth(Document guard, Document update, Runnable refused) {
        monthAdditions.add(new UpdateOneModel<>(guard, update, UPSERT));
        onRefused.add(refused);
    }

    void setSamples(String samplesId, Document update) {
        samples.add(new UpdateOneModel<>(new Document("_id", samplesId), update, UPSERT));
    }

    /** A contribution unless stored at this sequence number already (the guard). */
    void storeContribution(Document guard, Document update) {
        contributions.add(new UpdateOneModel<>(guard, update, UPSERT));
    }

    void forgetGuard(Document filter, Document update) {
        forgottenGuards.add(new UpdateOneModel<>(filter, update));
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

    void execute() {
        for (int index : duplicates(MonthCounters.COLLECTION, monthAdditions)) {
            UpdateOneModel<Document> addition = monthAdditions.get(index);
            // another replica may have inserted the month in between: then it takes the addition without the insert
            if (collection(MonthCounters.COLLECTION).updateOne(addition.getFilter(), addition.getUpdate()).getMatchedCount() == 0) {
                onRefused.get(index).run();
            }
        }
        upsert(SchoolYearSamples.COLLECTION, samples);
        upsert(Contribution.COLLECTION, contributions);
        if (!forgottenGuards.isEmpty()) {
            collection(MonthCounters.COLLECTION).bulkWrite(forgottenGuards, new BulkWriteOptions().ordered(false));
        }
        // last: a reader keeps what it read under a stamp, so the stamp must change after the month, never before
        upsert(CounterStamps.COLLECTION, CounterStamps.stamping(stampedMonths));
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
