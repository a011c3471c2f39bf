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
 * <p>Since format 8 the document carries a stamp ({@link #STAMP}), set anew with every change to its cases in the same
 * update: a reader keeps what it read under it ({@link OpenCases#readInto}).
 *
 * @param schoolId the school
 * @param stamp    a new {@link org.bson.types.ObjectId} per change; none in a document of format 7 or older
 * @param cases    by case ({@link DashboardCounters#fieldKey}): when it was opened and its due dates, one binary value
 *                 ({@link OpenCase#packed})
 */
@Document(SchoolOpenCases.COLLECTION)
record SchoolOpenCases(@Id String schoolId, Object stamp, Map<String, byte[]> cases) {

    static final String COLLECTION = "dashboard_open_cases";
    static final String CASES = "cases";
    static final String STAMP = "stamp";
}
