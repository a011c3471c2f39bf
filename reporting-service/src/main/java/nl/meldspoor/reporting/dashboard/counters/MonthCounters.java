package nl.meldspoor.reporting.dashboard.counters;

import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The counters of one school in one calendar month (Europe/Amsterdam): the month's totals (what a dashboard over
 * whole months reads), per day beside them so that a school's own staff can ask for any window ({@code days}, read
 * only for a month the window cuts), the step-duration samples, and each aggregate's contribution they are the sum
 * of, so that every write is a replacement and can be repeated.
 *
 * @param id      {@code schoolId|yyyy-MM}
 * @param version counts the writes; a write replaces the version it read, so two replicas writing one school month
 *                never lose each other's update (the loser reads again and retries)
 * @param sources what each aggregate contributes; not read by the dashboards
 */
@Document(MonthCounters.COLLECTION)
@CompoundIndex(name = "school_month", def = "{'schoolId': 1, 'month': 1}", unique = true)
record MonthCounters(@Id String id, long version, String schoolId, String month, Map<String, Integer> totals, List<DayCounts> days,
                     List<SampleEntry> samples, List<Contribution> sources) {

    static final String COLLECTION = "dashboard_counters";

    static String idOf(String schoolId, String month) {
        return schoolId + "|" + month;
    }
}
