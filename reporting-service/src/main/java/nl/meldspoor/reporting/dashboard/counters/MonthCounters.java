package nl.meldspoor.reporting.dashboard.counters;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The counters of one school in one calendar month (Europe/Amsterdam), per day so that a school's own staff
 * can ask for any window: the sums the dashboards read ({@code days}, {@code samples}) and, beside them, each
 * aggregate's contribution they are the sum of, so that every write is a replacement and can be repeated.
 *
 * @param id      {@code schoolId|yyyy-MM}
 * @param sources what each aggregate contributes; not read by the dashboards
 */
@Document(MonthCounters.COLLECTION)
@CompoundIndex(name = "school_month", def = "{'schoolId': 1, 'month': 1}", unique = true)
record MonthCounters(@Id String id, String schoolId, String month, List<DayCounts> days, List<SampleEntry> samples,
                     List<Contribution> sources) {

    static final String COLLECTION = "dashboard_counters";

    static String idOf(String schoolId, String month) {
        return schoolId + "|" + month;
    }
}
