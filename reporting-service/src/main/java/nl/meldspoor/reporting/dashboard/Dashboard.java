package nl.meldspoor.reporting.dashboard;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.meldspoor.api.incident.IncidentType;
import nl.meldspoor.api.signal.SignalCategory;
import nl.meldspoor.reporting.organisation.Level;

/**
 * How the meldcode is used in a school, a cluster or the whole board over a period — no pupil-level
 * data, and above school level no small counts.
 *
 * @param to           exclusive
 * @param perMonth     figures per calendar month (yyyy-MM)
 * @param perSchoolYear figures per school year (1 August – 31 July, e.g. 2026-2027)
 * @param perSchool    for a cluster or the board: the same figures per school
 */
public record Dashboard(
        Level level,
        String id,
        String name,
        LocalDate from,
        LocalDate to,
        int suppressionThreshold,
        Figures totals,
        List<PeriodFigures> perMonth,
        List<PeriodFigures> perSchoolYear,
        List<SchoolFigures> perSchool) {

    /**
     * @param veiligThuisAdvice       times advice was asked from Veilig Thuis in the period
     * @param overdueDeadlines        deadlines of open cases that had passed at the end of the period
     * @param documentationComplete   share of the cases opened in the period that are documented for every step they reached
     * @param documentationPerStep    per step ("1" … "5"): the share of the cases opened in the period that reached the step
     *                                whose step is documented so far; its basis is how many reached it (every case reaches step 1)
     * @param medianDaysPerStep       median days from reaching one step to the next ("1-2" … "4-5"), for cases opened in the period
     * @param signals                 signals recorded in the period: by category, on the urgent path, escalated into a case
     */
    public record Figures(Count casesOpened, Count veiligThuisAdvice, Count reportsMade, Count helpOrganised,
                          Count closedWithoutSuspicion, Count overdueDeadlines, Share documentationComplete,
                          Map<String, Median> medianDaysPerStep, SignalFigures signals, IncidentFigures incidents,
                          Map<String, Share> documentationPerStep) {
    }

    /** Incidents that occurred in the period: by type, serious ones, and those under the meldplicht. */
    public record IncidentFigures(Count recorded, Map<IncidentType, Count> byType, Count serious, Count meldplicht) {
    }

    public record SignalFigures(Count recorded, Map<SignalCategory, Count> byCategory, Count urgent, Count escalated) {
    }

    /**
     * One month or school year.
     *
     * @param signalsByCategory the month's {@code signalsRecorded} by category (adds up to it)
     * @param incidentsByType   the month's {@code incidents} by type (adds up to it)
     */
    public record PeriodFigures(String period, Count casesOpened, Count veiligThuisAdvice, Count reportsMade,
                                Count helpOrganised, Count closedWithoutSuspicion, Count signalsRecorded, Count incidents,
                                Map<SignalCategory, Count> signalsByCategory, Map<IncidentType, Count> incidentsByType) {
    }

    public record SchoolFigures(String schoolId, String name, Figures figures) {
    }
}
