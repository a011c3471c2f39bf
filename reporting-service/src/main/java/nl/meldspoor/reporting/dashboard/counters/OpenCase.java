package nl.meldspoor.reporting.dashboard.counters;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A case that is open now: when it was opened and the due dates of its open deadlines, over which the overdue deadlines
 * are counted at the end of a period. Kept in its school's {@link SchoolOpenCases}, and gone from it when the case closes.
 */
record OpenCase(Instant openedAt, List<LocalDate> dues) {

    OpenCase {
        dues = List.copyOf(dues);
    }
}
