package nl.meldspoor.reporting.dashboard.counters;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * Writes and reads the open cases by school ({@link SchoolOpenCases}). A case's entry is set as it stands after a poll,
 * or removed when it closed: a value, so a poll that comes again writes the same and counts nothing twice. All of a
 * school's changes in a poll are one update; only an update that sets an entry may insert the school's document (an
 * upsert matched on {@code _id} alone, which MongoDB since 4.2 retries itself when another replica inserted it first:
 * SERVER-37124).
 */
final class OpenCases {

    private static final long MILLIS_PER_DAY = 86_400_000L;

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
                    set.append(field, asDocument(open));
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
        long before = openedBefore.toEpochMilli();
        for (Document school : collection.find(Filters.in("_id", schoolIds))) {
            String schoolId = school.getString("_id");
            Document cases = school.get(SchoolOpenCases.CASES, Document.class);
            for (Object entry : cases == null ? List.of() : cases.values()) {
                Document open = (Document) entry;
                if (open.getDate("openedAt").getTime() < before) {
                    List<LocalDate> dues = new ArrayList<>();
                    for (Date due : open.getList("dues", Date.class, List.of())) {
                        dues.add(LocalDate.ofEpochDay(Math.floorDiv(due.getTime(), MILLIS_PER_DAY)));
                    }
                    tally.openCase(schoolId, dues);
                }
            }
        }
    }

    private static Document asDocument(OpenCase open) {
        List<Date> dues = open.dues().stream().map(due -> Date.from(due.atStartOfDay(ZoneOffset.UTC).toInstant())).toList();
        return new Document("openedAt", Date.from(open.openedAt())).append("dues", dues);
    }
}
