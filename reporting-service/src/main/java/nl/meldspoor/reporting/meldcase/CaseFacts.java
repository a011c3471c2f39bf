package nl.meldspoor.reporting.meldcase;

import java.time.Instant;
import java.util.List;
import nl.meldspoor.api.meldcase.Deadline;
import nl.meldspoor.reporting.rapportage.Documentation;

/**
 * What the dashboards count about one case — no pupil, no free text: when steps were reached, when
 * Veilig Thuis was asked for advice, reports made, help organised, whether it closed without
 * suspicion, its open deadlines and whether it is documented per step.
 */
public record CaseFacts(
        StepDates stepsReached,
        List<Instant> veiligThuisAdvice,
        List<Instant> reports,
        List<Instant> helpStarted,
        Instant closedWithoutSuspicion,
        List<Deadline> openDeadlines,
        Documentation documentation) {

    public CaseFacts {
        veiligThuisAdvice = veiligThuisAdvice == null ? List.of() : List.copyOf(veiligThuisAdvice);
        reports = reports == null ? List.of() : List.copyOf(reports);
        helpStarted = helpStarted == null ? List.of() : List.copyOf(helpStarted);
        openDeadlines = openDeadlines == null ? List.of() : List.copyOf(openDeadlines);
    }
}
