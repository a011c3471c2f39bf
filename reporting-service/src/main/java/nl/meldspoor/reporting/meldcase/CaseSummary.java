package nl.meldspoor.reporting.meldcase;

import java.time.Instant;
import java.util.List;
import nl.meldspoor.api.meldcase.Deadline;

/** One line in a school's list of meldcode cases. */
public record CaseSummary(
        String caseId,
        String pupilRef,
        String status,
        int currentStep,
        String nextQuestion,
        Instant openedAt,
        Instant lastActivityAt,
        Instant closedAt,
        String outcome,
        List<Deadline> openDeadlines,
        boolean documentationComplete) {

    static CaseSummary of(CaseRecord record) {
        CaseFacts facts = record.facts();
        return new CaseSummary(record.caseId(), record.pupilRef(), record.status(), record.currentStep(), record.nextQuestion(),
                record.openedAt(), record.lastActivityAt(), record.closedAt(), record.outcome(),
                facts == null ? List.of() : facts.openDeadlines(), facts != null && facts.documentation().complete());
    }
}
