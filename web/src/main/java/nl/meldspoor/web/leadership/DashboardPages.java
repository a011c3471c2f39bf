package nl.meldspoor.web.leadership;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import nl.meldspoor.web.services.ActingRole;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Screen 17: the dashboards of a school (directeur), a cluster (clusterdirectie: its schools side by side) and the board
 * (bestuur: Augeo's question per school). The reporting-service decides who sees which dashboard and suppresses small
 * counts; a refusal shows as "does not exist". Above school level nothing links to a pupil or a case.
 */
@Controller
class DashboardPages {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final Set<String> SCHOOL_ROLES = Set.of("PRINCIPAL", "CARE_COORDINATOR", "ADVISOR", "CONFIDANT", "AUDITOR");
    private static final String BOARD_SCOPE = "board";

    private final LeadershipReports reports;
    private final LeadershipProperties properties;
    private final Clock clock;

    DashboardPages(LeadershipReports reports, LeadershipProperties properties, org.springframework.beans.factory.ObjectProvider<Clock> clock) {
        this.reports = reports;
        this.properties = properties;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** From Vandaag: the dashboard of the place the person acts for. */
    @GetMapping("/dashboard")
    String mine(HttpServletRequest request) {
        ActingRole acting = ActingRole.current(request).orElse(null);
        if (acting == null) {
            return "redirect:/";
        }
        if (BOARD_SCOPE.equals(acting.scope())) {
            return "redirect:/dashboard/bestuur";
        }
        if ("CLUSTER_DIRECTOR".equals(acting.role())) {
            return "redirect:/dashboard/cluster/" + acting.scope();
        }
        return SCHOOL_ROLES.contains(acting.role()) ? "redirect:/dashboard/school/" + acting.scope() : "redirect:/";
    }

    @GetMapping("/dashboard/school/{schoolId}")
    String school(@PathVariable String schoolId, @RequestParam(name = "periode", required = false) String period,
                  HttpServletRequest request, Model model) {
        DashboardView view = show("school", schoolId, period, request, model);
        ActingRole acting = ActingRole.current(request).orElse(null);
        if (acting != null && "PRINCIPAL".equals(acting.role()) && schoolId.equals(acting.scope())) {
            model.addAttribute("work", workList(schoolId));
        }
        model.addAttribute("levelName", "School");
        model.addAttribute("view", view);
        return "leadership/dashboard";
    }

    @GetMapping("/dashboard/cluster/{clusterId}")
    String cluster(@PathVariable String clusterId, @RequestParam(name = "periode", required = false) String period,
                   HttpServletRequest request, Model model) {
        model.addAttribute("levelName", "Cluster");
        model.addAttribute("view", show("cluster", clusterId, period, request, model));
        return "leadership/dashboard";
    }

    @GetMapping("/dashboard/bestuur")
    String board(@RequestParam(name = "periode", required = false) String period, HttpServletRequest request, Model model) {
        model.addAttribute("levelName", "Bestuur");
        model.addAttribute("view", show("board", properties.boardId(), period, request, model));
        return "leadership/dashboard";
    }

    private DashboardView show(String level, String id, String period, HttpServletRequest request, Model model) {
        LocalDate today = LocalDate.now(clock.withZone(AMSTERDAM));
        String chosen = period == null || period.isBlank() ? Periods.currentSchoolYear(today) : period.strip();
        model.addAttribute("level", level);
        model.addAttribute("period", chosen);
        model.addAttribute("choices", Periods.choices(today));
        return new DashboardView(reports.dashboard(level, id, chosen), request.getContextPath());
    }

    /** The directeur's deadlines: overdue first, then upcoming, each with its case at the school. */
    private WorkList workList(String schoolId) {
        LocalDate today = LocalDate.now(clock.withZone(AMSTERDAM));
        List<WorkList.Item> overdue = new ArrayList<>();
        List<WorkList.Item> upcoming = new ArrayList<>();
        for (LeadershipReports.OpenCase open : reports.openCases(schoolId)) {
            for (LeadershipReports.Deadline deadline : open.openDeadlines()) {
                if (deadline.due() == null) {
                    continue;
                }
                WorkList.Item item = new WorkList.Item(open.caseId(), open.currentStep(), deadline.kind(), deadline.description(), deadline.due());
                // same reading as the services' Deadline.overdueOn: overdue once the due day has passed
                (today.isAfter(deadline.due()) ? overdue : upcoming).add(item);
            }
        }
        Comparator<WorkList.Item> byDue = Comparator.comparing(WorkList.Item::due).thenComparing(WorkList.Item::caseId);
        overdue.sort(byDue);
        upcoming.sort(byDue);
        return new WorkList(overdue, upcoming);
    }
}
