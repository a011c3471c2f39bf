package nl.meldspoor.reporting.dashboard.counters;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import java.nio.ByteBuffer;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A school year's whole months' totals of one school, stored together under the school year's stamp
 * ({@link CounterStamps}) by the dashboard that read them: a replica that kept nothing yet (the first dashboard after a
 * start) reads a board's five school years as 500 of these where it read 6,000 month documents. Written by the readers,
 * never by the counters' polls: a reader that read a school year's twelve months after reading its stamp stores them
 * under that stamp, and a reader uses them only while the school year's stamp is still that one — every poll that
 * writes to one of its months stamps the school year anew after its writes, so what is stored is at least as new as its
 * stamp, as for the months kept in memory. A reader storing under an older stamp over a newer one costs a read of the
 * months, never a wrong count. Only the months with a count are stored (a month left out counted nothing); each month
 * one binary value of its totals in the order of {@link Counter}, with that order's fingerprint: totals stored before a
 * counter was added are not used.
 *
 * @see CounterQueries
 */
final class SchoolYearTotals {

    static final String COLLECTION = "dashboard_counter_year_totals";
    private static final String STAMP = "stamp";
    private static final String LAYOUT = "layout";
    private static final String MONTHS = "months";
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    private static final Logger log = LoggerFactory.getLogger(SchoolYearTotals.class);

    private SchoolYearTotals() {
    }

    /**
     * The stored months' totals of these school years (ids as {@link SchoolYearSamples#idOf}) that still stand: stored
     * under the stamp the school year has now, in this version's counter order. By school year id, then month.
     */
    static Map<String, Map<YearMonth, int[]>> read(MongoCollection<Document> collection, Collection<String> schoolYearIds,
                                                   CounterStamps stamps) {
        Map<String, Map<YearMonth, int[]>> standing = new HashMap<>();
        List<String> stamped = schoolYearIds.stream().filter(id -> stamps.schoolYear(id) != null).toList();
        if (stamped.isEmpty()) {
            return standing;
        }
        for (Document stored : collection.find(Filters.in("_id", stamped))) {
            String id = stored.getString("_id");
            if (stamps.schoolYear(id).equals(stored.get(STAMP)) && Counter.layout().equals(stored.getString(LAYOUT))) {
                Map<YearMonth, int[]> months = new HashMap<>();
                Document byMonth = stored.get(MONTHS, Document.class);
                for (Map.Entry<String, Object> month : byMonth == null ? List.<Map.Entry<String, Object>>of() : byMonth.entrySet()) {
                    months.put(YearMonth.parse(month.getKey()), unpacked(((Binary) month.getValue()).getData()));
                }
                standing.put(id, months);
            }
        }
        return standing;
    }

    /**
     * Stores each school year's twelve months' totals (by month; a month left out counted nothing) under its stamp; a
     * failed write is logged, not thrown.
     */
    static void write(MongoCollection<Document> collection, Map<String, Map<YearMonth, int[]>> bySchoolYear, CounterStamps stamps) {
        List<ReplaceOneModel<Document>> writes = new ArrayList<>(bySchoolYear.size());
        bySchoolYear.forEach((id, months) -> {
            Document byMonth = new Document();
            months.entrySet().stream().filter(month -> Arrays.stream(month.getValue()).anyMatch(total -> total != 0)).sorted(Map.Entry.comparingByKey())
                    .forEach(month -> byMonth.append(month.getKey().toString(), new Binary(packed(month.getValue()))));
            writes.add(new ReplaceOneModel<>(new Document("_id", id),
                    new Document("_id", id).append(STAMP, stamps.schoolYear(id)).append(LAYOUT, Counter.layout()).append(MONTHS, byMonth),
                    UPSERT));
        });
        if (writes.isEmpty()) {
            return;
        }
        try {
            collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoException failure) {
            // only a shortcut for the next reader: the dashboard that read the months answers all the same
            log.warn("Could not store {} school years' months together: {}", writes.size(), failure.toString());
        }
    }

    private static byte[] packed(int[] totals) {
        ByteBuffer bytes = ByteBuffer.allocate(totals.length * Integer.BYTES);
        for (int total : totals) {
            bytes.putInt(total);
        }
        return bytes.array();
    }

    private static int[] unpacked(byte[] packed) {
        ByteBuffer bytes = ByteBuffer.wrap(packed);
        int[] totals = new int[Counter.SIZE];
        for (int counter = 0; counter < totals.length && bytes.remaining() >= Integer.BYTES; counter++) {
            totals[counter] = bytes.getInt();
        }
        return totals;
    }
}
