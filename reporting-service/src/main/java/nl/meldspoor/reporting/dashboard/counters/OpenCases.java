package nl.meldspoor.reporting.dashboard.counters;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * Writes and reads the open cases by school ({@link SchoolOpenCases}). A case's entry is set as it stands after a poll,
 * or removed when it closed: a value, so a poll that comes again writes the same and counts nothing twice. All of a
 * school's changes in a poll are one update; only an update that sets an entry may insert the school's document (an
 * upsert matched on {@code _id} alone, which MongoDB since 4.2 retries itself when another replica inserted it first:
 * SERVER-37124).
 */
final class OpenCases {

    private OpenCases() {
    }

    /**
     * @param bySchool per school, per case ({@link DashboardCounters#fieldKey}): the case as it stands, or {@code null}
     *                 when it is closed
     */
    static void save(MongoCollection<Document> collection, Map<String, Map<String, OpenCase>> bySchool) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        bySchool.forEach((schoolId, cases) -> {
            Document set = new Document();
            Document unset = new Document();
            cases.forEach((caseKey, open) -> {
                String field = SchoolOpenCases.CASES + "." + caseKey;
                if (open == null) {
                    unset.append(field, "");
                } else {
                    set.append(field, open.packed());
                }
            });
            Document update = new Document();
            if (!set.isEmpty()) {
                update.append("$set", set);
            }
            if (!unset.isEmpty()) {
                update.append("$unset", unset);
            }
            writes.add(new UpdateOneModel<>(Filters.eq("_id", schoolId), update, new UpdateOptions().upsert(!set.isEmpty())));
        });
        if (!writes.isEmpty()) {
            collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    /** Adds to the tally the open cases of the schools that were opened before {@code openedBefore}. */
    static void readInto(Tally tally, MongoCollection<Document> collection, List<String> schoolIds, Instant openedBefore) {
        for (Document school : collection.find(Filters.in("_id", schoolIds))) {
            String schoolId = school.getString("_id");
            Document cases = school.get(SchoolOpenCases.CASES, Document.class);
            for (Object entry : cases == null ? List.of() : cases.values()) {
                OpenCase open = OpenCase.unpacked(((Binary) entry).getData());
                if (open.openedAt().isBefore(openedBefore)) {
                    tally.openCase(schoolId, open.dues());
                }
            }
        }
    }
}
