package nl.meldspoor.web.leadership;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.meldspoor.web.services.ServiceRefusal;

/** The reporting-service as the dashboards see it, without HTTP: dashboards by level and id, open cases, or a refusal. */
public class FakeLeadershipReports implements LeadershipReports {

    public final Map<String, DashboardFigures> dashboards = new ConcurrentHashMap<>();
    public final List<OpenCase> openCases = new CopyOnWriteArrayList<>();
    /** Every dashboard asked for, as "level/id?period". */
    public final List<String> asked = new CopyOnWriteArrayList<>();
    public volatile boolean caseListAsked;

    public void reset() {
        dashboards.clear();
        openCases.clear();
        asked.clear();
        caseListAsked = false;
    }

    public void put(DashboardFigures figures) {
        dashboards.put(figures.level().toLowerCase(java.util.Locale.ROOT) + "/" + figures.id(), figures);
    }

    @Override
    public DashboardFigures dashboard(String level, String id, String period) {
        asked.add(level + "/" + id + "?" + period);
        DashboardFigures figures = dashboards.get(level + "/" + id);
        if (figures == null) {
            // the service answers 403 for a dashboard outside the person's scope; the web must show it as "not found"
            throw new ServiceRefusal(403, "NOT_YOUR_SCHOOL", "Geen toegang", List.of());
        }
        return figures;
    }

    @Override
    public List<OpenCase> openCases(String schoolId) {
        caseListAsked = true;
        return new ArrayList<>(openCases);
    }
}
