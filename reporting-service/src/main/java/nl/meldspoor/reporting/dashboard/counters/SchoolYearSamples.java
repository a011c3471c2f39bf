package nl.meldspoor.reporting.dashboard.counters;

import java.time.YearMonth;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The step-duration samples of the cases opened in one school's school year (1 August to 31 July), by month and case,
 * as the medians take them. Beside the counts ({@link MonthCounters}), so that the many events that change no sample do
 * not rewrite them: a case's samples change only when it reaches another step. One document per school year, not per
 * month: a board's dashboard over five school years reads 500 of them where it read 6,000, and mongo-java-server pays
 * per document (the {@code _id} look-up, reading it from the file, sending it) more than for its bytes. Bounded by the
 * cases a school opens in a year. Written as raw documents; this record names the shape.
 *
 * @param id         {@code schoolId|yyyy-yyyy}, the school year as the dashboards name it
 * @param schoolYear {@code yyyy-yyyy}
 * @param samples    by month ({@code yyyy-MM}), then by aggregate ({@link DashboardCounters#fieldKey}): its samples in
 *                   that month as one binary value, {@link SampleEntry#BYTES} per sample: the day of the month, the step
 *                   it goes from and the days it took ({@link SampleEntry#packed}). Binary, because a board's dashboard
 *                   reads every sample of the board in its window, and mongo-java-server encodes an array element by
 *                   element (as a document with a key per element): as an array of numbers they cost twice as much to
 *                   read on a school year
 */
@Document(SchoolYearSamples.COLLECTION)
record SchoolYearSamples(@Id String id, String schoolId, String schoolYear, Map<String, Map<String, byte[]>> samples) {

    static final String COLLECTION = "dashboard_counter_samples";

    static String idOf(String schoolId, YearMonth month) {
        return schoolId + "|" + SchoolYear.of(month.atDay(1));
    }

    static String schoolOf(String id) {
        return id.substring(0, id.lastIndexOf('|'));
    }
}
