package nl.meldspoor.reporting.dashboard.counters;

import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The step-duration samples of the cases opened in one school's month, by case, as the medians take them. Beside the
 * counts ({@link MonthCounters}), so that the many events that change no sample do not rewrite them: a case's samples
 * change only when it reaches another step. Written as raw documents; this record names the shape.
 *
 * @param id      {@code schoolId|yyyy-MM}, as the month's counters
 * @param samples by aggregate ({@link DashboardCounters#fieldKey}), its samples in this month as one binary value,
 *                {@link SampleEntry#BYTES} per sample: the day of the month, the step it goes from and the days it
 *                took ({@link SampleEntry#packed}). Binary, because a board's dashboard over five school years reads
 *                every sample of the board, and mongo-java-server encodes an array element by element (as a document
 *                with a key per element): as an array of numbers they cost twice as much to read on a school year
 */
@Document(MonthSamples.COLLECTION)
record MonthSamples(@Id String id, String schoolId, String month, Map<String, byte[]> samples) {

    static final String COLLECTION = "dashboard_counter_samples";
}
