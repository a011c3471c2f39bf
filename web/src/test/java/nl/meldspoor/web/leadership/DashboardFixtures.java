package nl.meldspoor.web.leadership;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.meldspoor.web.leadership.DashboardFigures.Count;
import nl.meldspoor.web.leadership.DashboardFigures.Figures;
import nl.meldspoor.web.leadership.DashboardFigures.IncidentFigures;
import nl.meldspoor.web.leadership.DashboardFigures.Median;
import nl.meldspoor.web.leadership.DashboardFigures.PeriodFigures;
import nl.meldspoor.web.leadership.DashboardFigures.SchoolFigures;
import nl.meldspoor.web.leadership.DashboardFigures.Share;
import nl.meldspoor.web.leadership.DashboardFigures.SignalFigures;

/** Dashboards as the reporting-service answers them, for page tests and the benchmark. */
public final class DashboardFixtures {

    public static final LocalDate FROM = LocalDate.of(2026, 8, 1);

    private DashboardFixtures() {
    }

    /** Figures whose every count is {@code base}; {@code hideCases} suppresses cases opened and advice, as the service does above school level. */
    public static Figures figures(int base, boolean hideCases) {
        Count count = Count.of(base);
        Count cases = hideCases ? Count.hidden() : count;
        Map<String, Median> medians = new LinkedHashMap<>();
        medians.put("1-2", new Median(3.5, Count.of(base), false));
        medians.put("2-3", new Median(7.0, Count.of(base), false));
        medians.put("3-4", new Median(null, Count.hidden(), true));
        medians.put("4-5", new Median(null, Count.of(0), false));
        Map<String, Count> categories = new LinkedHashMap<>();
        categories.put("HOME_SITUATION", Count.of(base * 2));
        categories.put("SOCIAL_EMOTIONAL", Count.of(base));
        categories.put("UNSAFE_BEHAVIOUR", Count.hidden());
        categories.put("BULLYING", Count.of(0));
        Map<String, Count> types = new LinkedHashMap<>();
        types.put("PHYSICAL_VIOLENCE", Count.of(base));
        types.put("SERIOUS_BULLYING", Count.hidden());
        types.put("THEFT", Count.of(0));
        Map<String, Share> documentation = new LinkedHashMap<>();
        documentation.put("1", new Share(80, Count.of(base), false));
        documentation.put("2", new Share(75, Count.of(base), false));
        documentation.put("3", new Share(null, Count.hidden(), true));
        documentation.put("4", new Share(null, Count.of(0), false));
        documentation.put("5", new Share(100, Count.of(base), false));
        return new Figures(cases, cases, count, count, Count.of(0), Count.of(base), new Share(80, Count.of(base), false), medians,
                new SignalFigures(Count.of(base * 3), categories, Count.of(base), count), new IncidentFigures(count, types, Count.of(0), Count.of(0)),
                documentation);
    }

    public static List<PeriodFigures> months(int base, int months) {
        List<PeriodFigures> list = new ArrayList<>();
        for (int i = 0; i < months; i++) {
            String month = YearMonth.from(FROM).plusMonths(i).toString();
            // every third month's cases are small: suppressed
            Count cases = i % 3 == 1 ? Count.hidden() : Count.of(base + i);
            // by category: home situation base + i; social-emotional hidden every other month; the rest none
            Map<String, Count> categories = new LinkedHashMap<>();
            categories.put("SOCIAL_EMOTIONAL", i % 2 == 1 ? Count.hidden() : Count.of(base));
            categories.put("UNSAFE_BEHAVIOUR", Count.of(0));
            categories.put("BULLYING", Count.of(0));
            categories.put("HOME_SITUATION", Count.of(base + i));
            // by type: physical violence i (0 in the first month), serious bullying hidden in month 2, theft never
            Map<String, Count> types = new LinkedHashMap<>();
            types.put("PHYSICAL_VIOLENCE", Count.of(i));
            types.put("SERIOUS_BULLYING", i == 1 ? Count.hidden() : Count.of(0));
            types.put("THEFT", Count.of(0));
            list.add(new PeriodFigures(month, cases, Count.of(base), Count.of(base), Count.of(0), Count.of(0), Count.of(base * 2 + i), Count.of(i),
                    categories, types));
        }
        return list;
    }

    /** The directeur's own school: exact figures, nothing suppressed. */
    public static DashboardFigures school() {
        return new DashboardFigures("SCHOOL", "school-a", "OBS De Vlinder", FROM, FROM.plusYears(1), 5, figures(7, false),
                months(6, 5), List.of(), List.of());
    }

    /** Cluster Noord: SBO De Brug's cases and advice are suppressed. */
    public static DashboardFigures cluster() {
        List<SchoolFigures> schools = List.of(
                new SchoolFigures("school-a", "OBS De Vlinder", figures(9, false)),
                new SchoolFigures("school-b", "CBS De Regenboog", figures(6, false)),
                new SchoolFigures("school-c", "SBO De Brug", figures(5, true)));
        return new DashboardFigures("CLUSTER", "cluster-noord", "Cluster Noord", FROM, FROM.plusYears(1), 5, figures(20, false),
                months(10, 5), List.of(), schools);
    }

    /** A board of {@code count} schools; every seventh records little (signals suppressed), every eleventh nothing. */
    public static DashboardFigures board(int count, int months) {
        List<SchoolFigures> schools = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Figures f = figures(5 + i % 13, i % 5 == 0);
            if (i % 7 == 0) {
                f = withSignals(f, Count.hidden());
            } else if (i % 11 == 0) {
                f = withSignals(f, Count.of(0));
            }
            schools.add(new SchoolFigures("school-" + i, "School " + i, f));
        }
        return new DashboardFigures("BOARD", "bestuur-voorbeeld", "Stichting Voorbeeldscholen", FROM, FROM.plusYears(1), 5,
                figures(400, false), months(100, months), List.of(), schools);
    }

    static Figures withSignals(Figures f, Count recorded) {
        return new Figures(f.casesOpened(), f.veiligThuisAdvice(), f.reportsMade(), f.helpOrganised(), f.closedWithoutSuspicion(),
                f.overdueDeadlines(), f.documentationComplete(), f.medianDaysPerStep(),
                new SignalFigures(recorded, f.signals().byCategory(), f.signals().urgent(), f.signals().escalated()), f.incidents(),
                f.documentationPerStep());
    }
}
