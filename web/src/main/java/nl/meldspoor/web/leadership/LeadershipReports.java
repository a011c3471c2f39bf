package nl.meldspoor.web.leadership;

import java.time.LocalDate;
import java.util.List;

/** What the leadership pages ask the reporting-service, with the signed-in person's token. */
public interface LeadershipReports {

    /**
     * @param level  school, cluster or board
     * @param period a month (2026-09), a term (2026-2027-T1) or a school year (2026-2027); {@code null} for the service's
     *               default, the current school year
     */
    DashboardFigures dashboard(String level, String id, String period);

    /** The open cases of a school with the deadlines the service keeps for them (the first page of at most 200). */
    List<OpenCase> openCases(String schoolId);

    /** One open case as the school's case list has it: no pupil name, only the reference the school knows. */
    record OpenCase(String caseId, int currentStep, List<Deadline> openDeadlines) {

        public OpenCase {
            openDeadlines = openDeadlines == null ? List.of() : List.copyOf(openDeadlines);
        }
    }

    record Deadline(String kind, String description, LocalDate due) {
    }
}
