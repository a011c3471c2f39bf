package nl.meldspoor.reporting.dashboard.counters;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * What tells a dashboard's reader whether what it read of a school's months and samples before still stands: one
 * document per school and school year ({@code _id} as {@link SchoolYearSamples}), holding per month the stamp of the last
 * poll that wrote to it ({@code months.yyyy-MM}) and the stamp of the last poll that wrote to any month of the school
 * year or to its samples ({@code schoolYear}). A stamp is a new {@link ObjectId} per poll, set after the poll's writes to
 * the months and samples; a poll that comes again after a crash sets it again. So a reader that reads the stamps first
 * and the months after may keep what it read under the stamp it read: a month written after that gets a new stamp after
 * it. A month no poll wrote to has no stamp of its own and is kept under the school year's; a school year without
 * stamps (none of its months written since there are stamps, or by a poll that crashed before stamping and has not come
 * again yet) is never kept. Dropped and counted again with the counters; a stamp is never the same twice, also after that.
 */
final class CounterStamps {

    static final String COLLECTION = "dashboard_counter_stamps";
    private static final String MONTHS = "months";
    private static final String SCHOOL_YEAR = "schoolYear";
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final Map<String, Document> bySchoolYear;

    private CounterStamps(Map<String, Document> bySchoolYear) {
        this.bySchoolYear = bySchoolYear;
    }

    /** One new stamp for every month a poll wrote to (by month id, {@code schoolId|yyyy-MM}) and for its school year. */
    static List<UpdateOneModel<Document>> stamping(Collection<String> monthIds) {
        ObjectId stamp = new ObjectId();
        Map<String, Document> sets = new LinkedHashMap<>();
        for (String monthId : monthIds) {
            YearMonth month = MonthCounters.monthOf(monthId);
            sets.computeIfAbsent(SchoolYearSamples.idOf(MonthCounters.schoolOf(monthId), month), id -> new Document(SCHOOL_YEAR, stamp))
                    .append(MONTHS + "." + month, stamp);
        }
        List<UpdateOneModel<Document>> updates = new ArrayList<>(sets.size());
        sets.forEach((id, set) -> updates.add(new UpdateOneModel<>(new Document("_id", id), new Document("$set", set), UPSERT)));
        return updates;
    }

    /** The stamps of these school years (ids as {@link SchoolYearSamples#idOf}), read by {@code _id}. */
    static CounterStamps read(MongoCollection<Document> stamps, List<String> schoolYearIds) {
        Map<String, Document> bySchoolYear = new HashMap<>();
        if (!schoolYearIds.isEmpty()) {
            for (Document stamp : stamps.find(Filters.in("_id", schoolYearIds))) {
                bySchoolYear.put(stamp.getString("_id"), stamp);
            }
        }
        return new CounterStamps(bySchoolYear);
    }

    /** The stamp of the school's month; of its school year when no poll wrote to the month; null when neither has one. */
    Object month(String schoolId, YearMonth month) {
        Document stamp = bySchoolYear.get(SchoolYearSamples.idOf(schoolId, month));
        Document months = stamp == null ? null : stamp.get(MONTHS, Document.class);
        Object own = months == null ? null : months.get(month.toString());
        return own != null ? own : schoolYear(SchoolYearSamples.idOf(schoolId, month));
    }

    /** The stamp of the school year (id as {@link SchoolYearSamples#idOf}): of its samples too; null when it has none. */
    Object schoolYear(String schoolYearId) {
        Document stamp = bySchoolYear.get(schoolYearId);
        return stamp == null ? null : stamp.get(SCHOOL_YEAR);
    }
}
