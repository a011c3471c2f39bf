package nl.meldspoor.web.leadership;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/dashboards/{level}/{id}} of the reporting-service as the pages read it: the web shows these figures as
 * they come and adds no totals of its own.
 */
public record DashboardFigures(String level, String id, String name, LocalDate from, LocalDate to, int suppressionThreshold,
                               Figures totals, List<PeriodFigures> perMonth, List<PeriodFigures> perSchoolYear,
                               List<SchoolFigures> perSchool) {

    public DashboardFigures {
        perMonth = perMonth == null ? List.of() : List.copyOf(perMonth);
        perSchoolYear = perSchoolYear == null ? List.of() : List.copyOf(perSchoolYear);
        perSchool = perSchool == null ? List.of() : List.copyOf(perSchool);
    }

    /** A count, or the fact that it is too small to show above school level. */
    public record Count(Integer value, boolean suppressed) {

        public static Count of(int value) {
            return new Count(value, false);
        }

        public static Count hidden() {
            return new Count(null, true);
        }

        /** Drawable: a number the service gave (a suppressed cell never becomes a bar or a point). */
        public boolean shown() {
            return !suppressed && value != null;
        }
    }

    public record Median(Double days, Count cases, boolean suppressed) {
    }

    public record Share(Integer percentage, Count basis, boolean suppressed) {
    }

    /**
     * @param documentationPerStep per step "1" … "5": the share of the cases that reached the step whose step is documented
     *                             (empty from a service that does not send it yet)
     */
    public record Figures(Count casesOpened, Count veiligThuisAdvice, Count reportsMade, Count helpOrganised,
                          Count closedWithoutSuspicion, Count overdueDeadlines, Share documentationComplete,
                          Map<String, Median> medianDaysPerStep, SignalFigures signals, IncidentFigures incidents,
                          Map<String, Share> documentationPerStep) {

        public Figures {
            medianDaysPerStep = medianDaysPerStep == null ? Map.of() : medianDaysPerStep;
            documentationPerStep = documentationPerStep == null ? Map.of() : documentationPerStep;
        }
    }

    public record IncidentFigures(Count recorded, Map<String, Count> byType, Count serious, Count meldplicht) {

        public IncidentFigures {
            byType = byType == null ? Map.of() : byType;
        }
    }

    public record SignalFigures(Count recorded, Map<String, Count> byCategory, Count urgent, Count escalated) {

        public SignalFigures {
            byCategory = byCategory == null ? Map.of() : byCategory;
        }
    }

    /**
     * @param signalsByCategory the month's signals by category, adding up to {@code signalsRecorded}
     * @param incidentsByType   the month's incidents by type, adding up to {@code incidents}
     */
    public record PeriodFigures(String period, Count casesOpened, Count veiligThuisAdvice, Count reportsMade, Count helpOrganised,
                                Count closedWithoutSuspicion, Count signalsRecorded, Count incidents,
                                Map<String, Count> signalsByCategory, Map<String, Count> incidentsByType) {

        public PeriodFigures {
            signalsByCategory = signalsByCategory == null ? Map.of() : signalsByCategory;
            incidentsByType = incidentsByType == null ? Map.of() : incidentsByType;
        }
    }

    public record SchoolFigures(String schoolId, String name, Figures figures) {
    }
}
