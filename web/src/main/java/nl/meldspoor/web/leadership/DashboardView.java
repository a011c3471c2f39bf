package nl.meldspoor.web.leadership;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.meldspoor.web.leadership.DashboardFigures.Count;
import nl.meldspoor.web.leadership.DashboardFigures.Figures;
import nl.meldspoor.web.leadership.DashboardFigures.PeriodFigures;
import nl.meldspoor.web.leadership.DashboardFigures.SchoolFigures;

/**
 * A dashboard as the page shows it: the service's figures turned into charts and tables, word for word. Nothing is
 * added up here; the only judgement is the board's "weinig vastgelegd" mark, taken from the service's own threshold.
 */
public final class DashboardView {

    static final String FEW = "weinig vastgelegd";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Periods.DUTCH);

    static final Map<String, String> CATEGORIES = Map.of(
            "HOME_SITUATION", "Thuissituatie",
            "SOCIAL_EMOTIONAL", "Sociaal-emotioneel",
            "UNSAFE_BEHAVIOUR", "Ongewenst of grensoverschrijdend gedrag",
            "BULLYING", "Pesten");
    static final Map<String, String> INCIDENT_TYPES = Map.ofEntries(
            Map.entry("PHYSICAL_VIOLENCE", "Fysiek geweld"),
            Map.entry("WEAPON_FIREARM", "Wapenbezit: vuurwapen"),
            Map.entry("WEAPON_STABBING", "Wapenbezit: steekwapen"),
            Map.entry("WEAPON_OTHER", "Wapenbezit: overig wapen"),
            Map.entry("SEXUAL_ABUSE", "Seksueel misbruik"),
            Map.entry("SEXUAL_HARASSMENT", "Seksuele intimidatie"),
            Map.entry("SERIOUS_BULLYING", "Grove pesterijen"),
            Map.entry("CYBERBULLYING_OR_ONLINE_THREATS", "Cyberpesten of online bedreiging"),
            Map.entry("SEXTING", "Sexting"),
            Map.entry("DISCRIMINATION_RACE", "Discriminatie naar ras of afkomst"),
            Map.entry("DISCRIMINATION_SEX", "Discriminatie naar geslacht"),
            Map.entry("DISCRIMINATION_SEXUAL_ORIENTATION", "Discriminatie naar seksuele gerichtheid"),
            Map.entry("DISCRIMINATION_RELIGION", "Discriminatie naar godsdienst of levensovertuiging"),
            Map.entry("DISCRIMINATION_OTHER", "Discriminatie, overig"),
            Map.entry("THREATS_OR_INTIMIDATION", "Bedreiging of intimidatie"),
            Map.entry("VANDALISM", "Vernieling"),
            Map.entry("THEFT", "Diefstal"),
            Map.entry("RECEIVING_STOLEN_GOODS", "Heling"),
            Map.entry("EXTREMISM", "(Religieus) extremisme"),
            Map.entry("UNWANTED_BEHAVIOUR_TOWARDS_STAFF", "Ongewenst gedrag richting schoolprofessionals"),
            Map.entry("SEXUAL_OFFENCE_BY_STAFF", "Zedendelict door een medewerker"));
    /** The service's category and type keys in the order the pages show them (the enums' order). */
    static final List<String> CATEGORY_ORDER = List.of("SOCIAL_EMOTIONAL", "UNSAFE_BEHAVIOUR", "BULLYING", "HOME_SITUATION");
    static final List<String> TYPE_ORDER = List.of("PHYSICAL_VIOLENCE", "WEAPON_FIREARM", "WEAPON_STABBING", "WEAPON_OTHER",
            "SEXUAL_ABUSE", "SEXUAL_HARASSMENT", "SERIOUS_BULLYING", "CYBERBULLYING_OR_ONLINE_THREATS", "SEXTING", "DISCRIMINATION_RACE",
            "DISCRIMINATION_SEX", "DISCRIMINATION_SEXUAL_ORIENTATION", "DISCRIMINATION_RELIGION", "DISCRIMINATION_OTHER",
            "THREATS_OR_INTIMIDATION", "VANDALISM", "THEFT", "RECEIVING_STOLEN_GOODS", "EXTREMISM", "UNWANTED_BEHAVIOUR_TOWARDS_STAFF",
            "SEXUAL_OFFENCE_BY_STAFF");
    static final Map<String, String> DOCUMENTED_STEPS = Map.of(
            "1", "Stap 1: signalen in kaart brengen",
            "2", "Stap 2: overleggen en raadplegen",
            "3", "Stap 3: gesprek met de ouders",
            "4", "Stap 4: wegen met het afwegingskader",
            "5", "Stap 5: beslissen over melden en hulp");
    private static final Map<String, String> STEPS = Map.of(
            "1-2", "Stap 1 → 2 (signalen → collegiale consultatie)",
            "2-3", "Stap 2 → 3 (consultatie → gesprek)",
            "3-4", "Stap 3 → 4 (gesprek → wegen)",
            "4-5", "Stap 4 → 5 (wegen → beslissen)");

    private final DashboardFigures figures;
    private final int threshold;
    private final String contextPath;

    /**
     * @param contextPath the web's context path, so links are written as plain hrefs: resolving each of a board's hundreds
     *                    of school links through Thymeleaf's {@code @{}} probes the static resource handlers every time
     */
    DashboardView(DashboardFigures figures, String contextPath) {
        this.figures = figures;
        this.contextPath = contextPath == null ? "" : contextPath;
        this.threshold = figures.suppressionThreshold() > 0 ? figures.suppressionThreshold() : 5;
    }

    public DashboardFigures figures() {
        return figures;
    }

    public String suppressedText() {
        return Chart.suppressedText(threshold);
    }

    /** "1 augustus 2026 t/m 31 juli 2027": the service's window, whose end is exclusive. */
    public String window() {
        LocalDate last = figures.to().minusDays(1);
        return DAY.format(figures.from()) + " t/m " + DAY.format(last);
    }

    /** The key figures of the whole school, cluster or board, as one table. */
    public FigureTable keyFigures() {
        Figures totals = figures.totals();
        List<FigureTable.Row> rows = new ArrayList<>();
        keyRows(totals).forEach((label, bar) -> rows.add(new FigureTable.Row(label, null, null, List.of(FigureTable.Cell.of(bar)))));
        return new FigureTable("kerncijfers", "Kerncijfers " + figures.name() + ", " + window(), "Wat", List.of("Aantal"), rows);
    }

    private Map<String, Chart.Bar> keyRows(Figures totals) {
        Map<String, Chart.Bar> rows = new LinkedHashMap<>();
        rows.put("Signalen vastgelegd", Chart.count("", totals.signals() == null ? null : totals.signals().recorded(), threshold, null));
        rows.put("waarvan urgent", Chart.count("", totals.signals() == null ? null : totals.signals().urgent(), threshold, null));
        rows.put("waarvan opgeschaald naar een dossier", Chart.count("", totals.signals() == null ? null : totals.signals().escalated(), threshold, null));
        rows.put("Dossiers geopend (meldcode gebruikt)", Chart.count("", totals.casesOpened(), threshold, null));
        rows.put("Advies gevraagd bij Veilig Thuis", Chart.count("", totals.veiligThuisAdvice(), threshold, null));
        rows.put("Meldingen bij Veilig Thuis", Chart.count("", totals.reportsMade(), threshold, null));
        rows.put("Hulp georganiseerd", Chart.count("", totals.helpOrganised(), threshold, null));
        rows.put("Gesloten zonder vermoeden", Chart.count("", totals.closedWithoutSuspicion(), threshold, null));
        rows.put("Termijnen verlopen (eind periode)", Chart.count("", totals.overdueDeadlines(), threshold, null));
        rows.put("Dossiers volledig vastgelegd per stap", Chart.share("", totals.documentationComplete(), threshold, null));
        rows.put("Incidenten", Chart.count("", totals.incidents() == null ? null : totals.incidents().recorded(), threshold, null));
        rows.put("waarvan ernstig", Chart.count("", totals.incidents() == null ? null : totals.incidents().serious(), threshold, null));
        rows.put("waarvan onder de meldplicht", Chart.count("", totals.incidents() == null ? null : totals.incidents().meldplicht(), threshold, null));
        return rows;
    }

    /** The trend per month: one chart per measure the service counts per month. */
    public List<Chart> trend() {
        return List.of(
                monthly("trend-signalen", "Signalen per maand", PeriodFigures::signalsRecorded),
                monthly("trend-dossiers", "Dossiers geopend per maand", PeriodFigures::casesOpened),
                monthly("trend-advies", "Advies Veilig Thuis per maand", PeriodFigures::veiligThuisAdvice),
                monthly("trend-meldingen", "Meldingen bij Veilig Thuis per maand", PeriodFigures::reportsMade),
                monthly("trend-incidenten", "Incidenten per maand", PeriodFigures::incidents));
    }

    private Chart monthly(String id, String title, Function<PeriodFigures, Count> measure) {
        List<Chart.Bar> bars = figures.perMonth().stream()
                .map(month -> Chart.count(Periods.shortMonth(month.period()), measure.apply(month), threshold, null))
                .toList();
        return new Chart(id, title, "Maand", "Aantal", "", true, bars);
    }

    /**
     * The trend per month by category, as small multiples: one chart per category on the same months, each with its table.
     * A service that does not break the months down yet gives no charts.
     */
    public List<Chart> trendByCategory() {
        return smallMultiples("trend-categorie-", "Signalen per maand: ", CATEGORY_ORDER, CATEGORIES, PeriodFigures::signalsByCategory, false);
    }

    /**
     * The trend per month by incident type, one chart per type. Types with no incident in any month get no chart (there are
     * 21 types; most schools see a few); a type with a suppressed month does, as its words are the point.
     */
    public List<Chart> trendByType() {
        return smallMultiples("trend-soort-", "Incidenten per maand: ", TYPE_ORDER, INCIDENT_TYPES, PeriodFigures::incidentsByType, true);
    }

    /** Whether the service broke the months down at all (it does from the version that sends the maps). */
    public boolean monthsByKind() {
        return figures.perMonth().stream().anyMatch(month -> !month.signalsByCategory().isEmpty() || !month.incidentsByType().isEmpty());
    }

    private List<Chart> smallMultiples(String idPrefix, String titlePrefix, List<String> order, Map<String, String> labels,
                                       Function<PeriodFigures, Map<String, Count>> breakdown, boolean skipEmpty) {
        List<String> keys = new ArrayList<>(order);
        figures.perMonth().forEach(month -> breakdown.apply(month).keySet().stream().filter(key -> !keys.contains(key)).forEach(keys::add));
        List<Chart> charts = new ArrayList<>();
        for (String key : keys) {
            List<Count> counts = figures.perMonth().stream().map(month -> breakdown.apply(month).get(key)).toList();
            boolean any = counts.stream().anyMatch(count -> count != null && (count.suppressed() || (count.value() != null && count.value() > 0)));
            if (counts.stream().allMatch(java.util.Objects::isNull) || (skipEmpty && !any)) {
                continue;
            }
            List<Chart.Bar> bars = new ArrayList<>();
            for (int i = 0; i < counts.size(); i++) {
                Count count = counts.get(i) == null ? Count.of(0) : counts.get(i);
                bars.add(Chart.count(Periods.shortMonth(figures.perMonth().get(i).period()), count, threshold, null));
            }
            String label = labels.getOrDefault(key, key);
            charts.add(new Chart(idPrefix + key.toLowerCase(java.util.Locale.ROOT).replace('_', '-'), titlePrefix + label, "Maand", "Aantal", "", true, bars));
        }
        return charts;
    }

    /** Documentation per step: of the cases that reached a step, the share whose step is documented. */
    public Chart documentationPerStep() {
        List<Chart.Bar> bars = new ArrayList<>();
        figures.totals().documentationPerStep().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> bars.add(Chart.share(DOCUMENTED_STEPS.getOrDefault(entry.getKey(), "Stap " + entry.getKey()), entry.getValue(), threshold, null)));
        return new Chart("documentatie-stap", "Vastgelegd per stap (dossiers die de stap bereikten)", "Stap", "Vastgelegd", "%", false, bars);
    }

    public Chart signalsByCategory() {
        Map<String, Count> byCategory = figures.totals().signals() == null ? Map.of() : figures.totals().signals().byCategory();
        List<Chart.Bar> bars = byCategory.entrySet().stream()
                .map(entry -> Chart.count(CATEGORIES.getOrDefault(entry.getKey(), entry.getKey()), entry.getValue(), threshold, null))
                .toList();
        return new Chart("signalen-categorie", "Signalen per categorie", "Categorie", "Aantal", "", false, bars);
    }

    public Chart incidentsByType() {
        Map<String, Count> byType = figures.totals().incidents() == null ? Map.of() : figures.totals().incidents().byType();
        List<Chart.Bar> bars = byType.entrySet().stream()
                .map(entry -> Chart.count(INCIDENT_TYPES.getOrDefault(entry.getKey(), entry.getKey()), entry.getValue(), threshold, null))
                .toList();
        return new Chart("incidenten-soort", "Incidenten per soort", "Soort", "Aantal", "", false, bars);
    }

    public Chart medianDays() {
        List<Chart.Bar> bars = new ArrayList<>();
        figures.totals().medianDaysPerStep().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> bars.add(Chart.median(STEPS.getOrDefault(entry.getKey(), "Stap " + entry.getKey()), entry.getValue(), threshold)));
        return new Chart("mediaan-stap", "Mediaan aantal dagen per stap", "Stap", "Mediaan", " dagen", false, bars);
    }

    /** Documentation: for a school its own share; above school level the share per school, side by side. */
    public Chart documentation() {
        List<Chart.Bar> bars = new ArrayList<>();
        if (figures.perSchool().isEmpty()) {
            bars.add(Chart.share(figures.name(), figures.totals().documentationComplete(), threshold, null));
        } else {
            schools().forEach(school -> bars.add(Chart.share(school.name(), school.figures().documentationComplete(), threshold, schoolHref(school))));
        }
        return new Chart("documentatie", "Dossiers volledig vastgelegd voor elke bereikte stap", "School", "Volledig", "%", false, bars);
    }

    /** Above school level: one chart per measure with a bar per school. */
    public List<Chart> perSchoolCharts() {
        if (figures.perSchool().isEmpty()) {
            return List.of();
        }
        return List.of(
                perSchool("school-signalen", "Signalen vastgelegd per school", figures -> figures.signals() == null ? null : figures.signals().recorded()),
                perSchool("school-dossiers", "Dossiers geopend per school", Figures::casesOpened),
                perSchool("school-advies", "Advies Veilig Thuis per school", Figures::veiligThuisAdvice),
                perSchool("school-meldingen", "Meldingen bij Veilig Thuis per school", Figures::reportsMade));
    }

    private Chart perSchool(String id, String title, Function<Figures, Count> measure) {
        List<Chart.Bar> bars = schools().stream()
                .map(school -> Chart.count(school.name(), measure.apply(school.figures()), threshold, schoolHref(school)))
                .toList();
        return new Chart(id, title, "School", "Aantal", "", false, bars);
    }

    /** The cluster's schools side by side: a column per school, a row per figure. */
    public FigureTable sideBySide() {
        List<SchoolFigures> schools = schools();
        List<String> columns = new ArrayList<>(schools.stream().map(SchoolFigures::name).toList());
        columns.add(figures.name());
        Map<String, List<FigureTable.Cell>> cells = new LinkedHashMap<>();
        for (SchoolFigures school : schools) {
            keyRows(school.figures()).forEach((label, bar) -> cells.computeIfAbsent(label, key -> new ArrayList<>()).add(FigureTable.Cell.of(bar)));
        }
        keyRows(figures.totals()).forEach((label, bar) -> cells.computeIfAbsent(label, key -> new ArrayList<>()).add(FigureTable.Cell.of(bar)));
        List<FigureTable.Row> rows = new ArrayList<>();
        cells.forEach((label, row) -> rows.add(new FigureTable.Row(label, null, null, row)));
        return new FigureTable("naast-elkaar", "De scholen naast elkaar, " + window(), "Wat", columns, rows);
    }

    /**
     * Augeo's question (seed 004) per school: how often the meldcode is used, which steps are taken, advice, reports,
     * documentation. Schools that recorded fewer signals than the service's threshold come first, marked.
     */
    public FigureTable perSchoolUse() {
        List<String> columns = List.of("Signalen", "Dossiers geopend", "Advies Veilig Thuis", "Meldingen", "Hulp georganiseerd",
                "Gesloten zonder vermoeden", "Volledig vastgelegd", "Termijnen verlopen",
                "Dagen stap 1→2", "Dagen stap 2→3", "Dagen stap 3→4", "Dagen stap 4→5",
                "Vastgelegd stap 1", "Vastgelegd stap 2", "Vastgelegd stap 3", "Vastgelegd stap 4", "Vastgelegd stap 5");
        List<FigureTable.Row> rows = new ArrayList<>();
        for (SchoolFigures school : ranked()) {
            Figures f = school.figures();
            List<FigureTable.Cell> cells = new ArrayList<>();
            cells.add(FigureTable.Cell.of(Chart.count("", f.signals() == null ? null : f.signals().recorded(), threshold, null)));
            cells.add(FigureTable.Cell.of(Chart.count("", f.casesOpened(), threshold, null)));
            cells.add(FigureTable.Cell.of(Chart.count("", f.veiligThuisAdvice(), threshold, null)));
            cells.add(FigureTable.Cell.of(Chart.count("", f.reportsMade(), threshold, null)));
            cells.add(FigureTable.Cell.of(Chart.count("", f.helpOrganised(), threshold, null)));
            cells.add(FigureTable.Cell.of(Chart.count("", f.closedWithoutSuspicion(), threshold, null)));
            cells.add(FigureTable.Cell.of(Chart.share("", f.documentationComplete(), threshold, null)));
            cells.add(FigureTable.Cell.of(Chart.count("", f.overdueDeadlines(), threshold, null)));
            for (String step : List.of("1-2", "2-3", "3-4", "4-5")) {
                cells.add(FigureTable.Cell.of(Chart.median("", f.medianDaysPerStep().get(step), threshold)));
            }
            for (String step : List.of("1", "2", "3", "4", "5")) {
                cells.add(FigureTable.Cell.of(Chart.share("", f.documentationPerStep().get(step), threshold, null)));
            }
            rows.add(new FigureTable.Row(school.name(), schoolHref(school), recordsLittle(school) ? FEW : null, cells));
        }
        return new FigureTable("gebruik-per-school", "Gebruik van de meldcode per school, " + window()
                + " (scholen die weinig vastleggen eerst)", "School", columns, rows);
    }

    /** The schools in the service's order (cluster) … */
    List<SchoolFigures> schools() {
        return figures.perSchool();
    }

    /** … or, for the board, those that record little first: fewest signals, then the lowest documentation share. */
    List<SchoolFigures> ranked() {
        return figures.perSchool().stream()
                .sorted(Comparator.comparingDouble((SchoolFigures school) -> signalRank(school.figures()))
                        .thenComparingInt(school -> documentationRank(school.figures()))
                        .thenComparing(SchoolFigures::name))
                .toList();
    }

    public long fewCount() {
        return figures.perSchool().stream().filter(this::recordsLittle).count();
    }

    /** Fewer signals than the service's own suppression threshold: none, or "minder dan 5". */
    boolean recordsLittle(SchoolFigures school) {
        Count signals = school.figures().signals() == null ? null : school.figures().signals().recorded();
        return signals == null || signals.suppressed() || (signals.value() != null && signals.value() < threshold);
    }

    private static double signalRank(Figures figures) {
        Count signals = figures.signals() == null ? null : figures.signals().recorded();
        if (signals == null || (signals.value() == null && !signals.suppressed())) {
            return -1;
        }
        // a suppressed count lies somewhere between 1 and the threshold: rank it after 0, before any shown number
        return signals.suppressed() ? 0.5 : signals.value();
    }

    private static int documentationRank(Figures figures) {
        DashboardFigures.Share share = figures.documentationComplete();
        return share == null || share.percentage() == null ? 101 : share.percentage();
    }

    private String schoolHref(SchoolFigures school) {
        return contextPath + "/dashboard/school/" + org.springframework.web.util.UriUtils.encodePathSegment(school.schoolId(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
