package nl.meldspoor.reporting.rapportage;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import nl.meldspoor.reporting.meldcase.fold.CaseStateView.DecisionView;
import nl.meldspoor.reporting.meldcase.fold.CaseStateView.ReportView;
import nl.meldspoor.api.signal.SignalCategory;
import nl.meldspoor.api.signal.SignalFlag;

/**
 * The rapportage meldcode: the per-case report the IB'er and the directie keep, generated from the
 * events — the nature of the concern, the steps taken with their dates, the consultations, the
 * decisions with their rationale, and per step whether it is documented.
 */
public record Rapportage(
        String caseId,
        String schoolId,
        String pupilRef,
        String status,
        String outcome,
        Instant openedAt,
        Instant closedAt,
        Concern concern,
        List<StepReport> steps,
        List<Consultation> consultations,
        List<DecisionView> decisions,
        List<ReportView> reports,
        Documentation documentation) {

    /** What the concern is about. */
    public record Concern(String description, Set<SignalCategory> categories, Set<SignalFlag> urgentFlags, int signals,
                          Instant firstObservedAt, Instant lastObservedAt) {
    }

    /** One step of the meldcode: what was done, when, and whether it is documented. */
    public record StepReport(int step, String name, StepStatus status, List<String> missing, List<String> toDo, List<Entry> entries) {
    }

    /** A dated line of what was done. */
    public record Entry(Instant at, String by, String summary) {
    }

    /** Advice asked: from a colleague, Veilig Thuis or an expert. */
    /**
     * @param kind who was consulted, in general words (collega, Veilig Thuis, deskundige)
     * @param with the colleague's capacity or the expert as recorded: sealed free text, opened whole for the reader
     */
    public record Consultation(Instant at, String kind, String with, boolean anonymous, String adviceGiven) {
    }
}
