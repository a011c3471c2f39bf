package nl.meldspoor.reporting.dashboard.counters;

import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The step-duration samples of the cases opened in one school's month, by case, as the medians take them. Beside the
 * counts ({@link MonthCounters}), so that the many events that change no sample do not rewrite them: a case's samples
 * change only when it reaches another step. Written as raw documents; this record names the shape.
 *
 * @param id      {@code schoolId|yyyy-MM}, as the month's counters
 * @param samples by aggregate ({@link DashboardCounters#fieldKey}), its samples in this month as one flat array of
 *                numbers, three per sample: the day of the month, the step it goes from and the days it took
 *                ({@link SampleEntry}). Flat, because a board's dashboard over five school years reads every sample of
 *                the board: as a document each, they cost half as much again to send and decode
 */
@Document(MonthSamples.COLLECTION)
record MonthSamples(@Id String id, String schoolId, String month, Map<String, List<Number>> samples) {

    static final String COLLECTION = "dashboard_counter_samples";
}
