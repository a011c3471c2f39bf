package nl.meldspoor.reporting.dashboard.counters;

import java.time.YearMonth;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The counters of one school in one calendar month (Europe/Amsterdam): the month's totals (what a dashboard over
 * whole months reads) and per day beside them, so that a school's own staff can ask for any window ({@code days}, read
 * only for a month the window cuts). Written only by atomic conditional updates ({@code $inc} of what changed), never
 * read to be written, and it holds nothing per aggregate but the guards of changes being added: neither the cost of an
 * event nor the document grows with the cases in the month. Written as raw documents; this record names the shape and
 * carries the index. The step-duration samples are beside it ({@link SchoolYearSamples}).
 *
 * <p>A count that went back to zero stays stored as 0 (an {@code $inc} cannot remove it); the queries leave zeros out,
 * as the sums over contributions of format 1 never held them.
 *
 * @param id     {@code schoolId|yyyy-MM}
 * @param format {@link #FORMAT} when the document was first written; format 1 (the summed contributions, with a
 *               {@code version}) had no field
 * @param days   by ISO day, the counts by counter name
 * @param adding by aggregate ({@link DashboardCounters#fieldKey}), the guard of a change added to the counts whose
 *               contribution is not stored yet: its sequence number and the aggregate's counts in the month as of it, so
 *               that a poll that comes again after a crash in between adds nothing twice, however it is cut
 */
@Document(MonthCounters.COLLECTION)
@CompoundIndex(name = "school_month", def = "{'schoolId': 1, 'month': 1}", unique = true)
record MonthCounters(@Id String id, int format, String schoolId, String month, Map<String, Integer> totals, Map<String, Map<String, Integer>> days,
                     Map<String, Object> adding) {

    static final String COLLECTION = "dashboard_counters";
    /**
     * 8: a school's open cases stamped anew with every change to them ({@link SchoolOpenCases#STAMP}), so that a reader
     * keeps them under their stamp; a replica of format 7 would change them and leave the stamp, so format 8 counts into
     * a generation of its own; it reads a generation of format 5 to 7 as before, its open cases read each time;
     * 7: an aggregate's contributions stored with its fold ({@link StoredFold#CONTRIBUTIONS}; 6 kept each in a document
     * of its own, which this format still reads for a fold stored without them, and stores with the fold when the
     * aggregate next moves), the guards a poll settles forgotten by the next one ({@link SettledGuards}); what the
     * dashboards read as in 5 and 6;
     * 6: each aggregate's fold one JSON value ({@link StoredFold}; 5 stored it as a mapped document, which a replica of
     * format 5 would read as an empty fold), a stored contribution's counts and samples and a guard's counts one binary
     * value each ({@link CounterEntry#packed}; 5 kept lists of documents); what the dashboards read (the months' totals
     * and days, samples, open cases and stamps) as in 5, so they still read a generation of format 5
     * ({@link #READABLE_FROM}) while it is counted again beside it;
     * 5: the samples in one document per school and school year ({@link SchoolYearSamples}; 4 kept one per school month),
     * a case's samples and an open case ({@link SchoolOpenCases}) each one binary value (4 kept an array of numbers and a
     * document with an array); format 5 reads none of these;
     * 4: the open cases kept per school ({@link SchoolOpenCases}; 3 kept a document per case, which format 4 would not
     * read) and a case's samples as one flat array of numbers (3 kept a document per sample);
     * 3: a guard holds the sequence number and the counts as of it (2 held the sequence number only, which could not
     * tell what the month held when a poll came again cut otherwise); 2: counts added up by {@code $inc},
     * contributions in their own collection.
     */
    static final int FORMAT = 8;
    /** The oldest format whose months, samples, open cases and stamps the dashboards read as this one's. */
    static final int READABLE_FROM = 5;
    static final String ADDING = "adding";

    static String idOf(String schoolId, String month) {
        return schoolId + "|" + month;
    }

    static String schoolOf(String monthId) {
        return monthId.substring(0, monthId.lastIndexOf('|'));
    }

    static YearMonth monthOf(String monthId) {
        return YearMonth.parse(monthId.substring(monthId.lastIndexOf('|') + 1));
    }
}
