package nl.meldspoor.reporting.dashboard.counters;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.model.Projections;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;

/**
 * Writes and reads the open cases by school ({@link SchoolOpenCases}). A case's entry is set as it stands after a poll,
 * or removed when it closed: a value, so a poll that comes again writes the same and counts nothing twice. All of a
 * school's changes in a poll are one update; only an update that sets an entry may insert the school's document (an
 * upsert matched on {@code _id} alone, which MongoDB since 4.2 retries itself when another replica inserted it first:
 * SERVER-37124). Every update also sets the school's stamp ({@link SchoolOpenCases#STAMP}, a new {@link ObjectId}), in the
 * same document and so in the same atomic write: a reader keeps a school's open cases under the stamp it read with them
 * and reads the cases again only when the stamp changed.
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
            boolean setsACase = !set.isEmpty();
            Document update = new Document("$set", set.append(SchoolOpenCases.STAMP, new ObjectId()));
            if (!unset.isEmpty()) {
                update.append("$unset", unset);
            }
            writes.add(new UpdateOneModel<>(Filters.eq("_id", schoolId), update, new UpdateOptions().upsert(setsACase)));
        });
        if (!writes.isEmpty()) {
            collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    /**
     * Adds to the tally the open cases of the schools that were opened before {@code openedBefore}: first the schools'
     * stamps, then only the schools whose cases are not kept under their stamp, which are kept under the stamp read with
     * them. A school without a stamp (written by an older format) is read each time and never kept.
     */
    static void readInto(Tally tally, MongoCollection<Document> collection, List<String> schoolIds, Instant openedBefore,
                         StampedCache<School> kept) {
        List<String> unread = new ArrayList<>();
        for (Document stamped : collection.find(Filters.in("_id", schoolIds)).projection(Projections.include(SchoolOpenCases.STAMP))) {
            String schoolId = stamped.getString("_id");
            School school = kept.get(schoolId, stamped.get(SchoolOpenCases.STAMP));
            if (school == null) {
                unread.add(schoolId);
            } else {
                tally.openCasesOf(schoolId, school.openedBefore(openedBefore));
            }
        }
        if (unread.isEmpty()) {
            return;
        }
        for (Document document : collection.find(Filters.in("_id", unread))) {
            String schoolId = document.getString("_id");
            School school = School.of(schoolId, document.get(SchoolOpenCases.CASES, Document.class));
            kept.put(schoolId, document.get(SchoolOpenCases.STAMP), school);
            tally.openCasesOf(schoolId, school.openedBefore(openedBefore));
        }
    }

    /**
     * A school's open cases as the dashboards count them, in the order they were opened, so that those opened before a
     * moment are a prefix: kept between dashboards, and handed to each tally without a copy per case.
     */
    record School(long[] openedAt, List<Tally.OpenCase> cases) {

        static School of(String schoolId, Document packedCases) {
            List<OpenCase> open = new ArrayList<>();
            for (Object entry : packedCases == null ? List.of() : packedCases.values()) {
                open.add(OpenCase.unpacked(((Binary) entry).getData()));
            }
            open.sort(Comparator.comparing(OpenCase::openedAt));
            long[] openedAt = open.stream().mapToLong(one -> one.openedAt().toEpochMilli()).toArray();
            return new School(openedAt, open.stream().map(one -> new Tally.OpenCase(schoolId, one.dues())).toList());
        }

        /** Those opened strictly before the moment: a case opened at the moment itself is not. */
        List<Tally.OpenCase> openedBefore(Instant moment) {
            long millis = moment.toEpochMilli();
            int low = 0;
            int high = openedAt.length;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (openedAt[middle] < millis) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low == cases.size() ? cases : cases.subList(0, low);
        }
    }
}
