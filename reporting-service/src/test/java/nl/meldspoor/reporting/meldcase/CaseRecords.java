package nl.meldspoor.reporting.meldcase;

import java.time.Instant;

/** Case records as the read model stores them, for dashboard tests that generate many cases without events. */
public final class CaseRecords {

    private CaseRecords() {
    }

    public static CaseRecord of(String caseId, String schoolId, Instant openedAt, Instant closedAt, CaseFacts facts) {
        CaseRecord record = CaseRecord.start(caseId);
        record.summarise(schoolId, null, closedAt == null ? "OPEN" : "CLOSED", 1, null, openedAt, openedAt, closedAt, null, facts);
        return record;
    }
}
