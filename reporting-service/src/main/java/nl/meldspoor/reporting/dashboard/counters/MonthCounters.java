package nl.meldspoor.reporting.dashboard.counters;

import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The counters of one school in one calendar month (Europe/Amsterdam): the month's totals (what a dashboard over
 * whole months reads), per day beside them so that a school's own staff can ask for any window ({@code days}, read
 * only for a month the window cuts), the step-duration samples, and per aggregate the sequence number its last change
 * was added at. Written only by atomic conditional updates ({@code $inc} of what changed), never read to be written:
 * the cost of an event does not grow with the cases in the month. Written as raw documents; this record names the
 * shape and carries the index.
 *
 * <p>A count that went back to zero stays stored as 0 (an {@code $inc} cannot remove it); the queries leave zeros out,
 * as the sums over contributions of format 1 never held them.
 *
 * @param id      {@code schoolId|yyyy-MM}
 * @param format  {@link #FORMAT} when the document was first written; format 1 (the summed contributions, with a
 *                {@code version}) had no field
 * @param days    by ISO day, the counts by counter name
 * @param samples by aggregate ({@link DashboardCounters#fieldKey}), its step-duration samples in this month
 * @param applied by aggregate ({@link DashboardCounters#fieldKey}), the sequence number its contribution was last changed at:
 *                the guard that makes adding a change idempotent
 */
@Document(MonthCounters.COLLECTION)
@CompoundIndex(name = "school_month", def = "{'schoolId': 1, 'month': 1}", unique = true)
record MonthCounters(@Id String id, int format, String schoolId, String month, Map<String, Integer> totals, Map<String, Map<String, Integer>> days,
                     Map<String, List<SampleEntry>> samples, Map<String, Long> applied) {

    static final String COLLECTION = "dashboard_counters";
    /** 2: counts added up by {@code $inc}, contributions in their own collection. */
    static final int FORMAT = 2;

    static String idOf(String schoolId, String month) {
        return schoolId + "|" + month;
    }
}
