package nl.meldspoor.reporting.dashboard.counters;

import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The cases of one school that are open now, in one document: a dashboard reads one document per school in scope by
 * {@code _id}, not one per open case of the board (format 3 kept a document per case, found by a school {@code $in}
 * that mongo-java-server answers by reading every open case, and MongoDB with a document per case on the wire). A
 * school holds its open cases only, so the document is bounded by the cases a school has open at once. Written as raw
 * documents ({@link OpenCases}); this record names the shape.
 *
 * @param schoolId the school
 * @param cases    by case ({@link DashboardCounters#fieldKey}): when it was opened and its due dates, one binary value
 *                 ({@link OpenCase#packed})
 */
@Document(SchoolOpenCases.COLLECTION)
record SchoolOpenCases(@Id String schoolId, Map<String, byte[]> cases) {

    static final String COLLECTION = "dashboard_open_cases";
    static final String CASES = "cases";
}
