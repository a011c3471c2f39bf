package nl.meldspoor.reporting.dashboard.counters;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A case that is open now, with the due dates (ISO days) of its open deadlines: the overdue deadlines are
 * counted at the end of the period over these, so the document goes when the case closes.
 */
@Document(OpenCase.COLLECTION)
@CompoundIndex(name = "school_opened", def = "{'schoolId': 1, 'openedAt': 1}")
record OpenCase(@Id String caseId, String schoolId, Instant openedAt, List<String> dues) {

    static final String COLLECTION = "dashboard_open_cases";
}
