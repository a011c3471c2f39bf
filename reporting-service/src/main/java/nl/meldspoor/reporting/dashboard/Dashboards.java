package nl.meldspoor.reporting.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import nl.meldspoor.api.incident.IncidentType;
import nl.meldspoor.api.signal.SignalCategory;
import nl.meldspoor.reporting.dashboard.Dashboard.Figures;
import nl.meldspoor.reporting.dashboard.Dashboard.IncidentFigures;
import nl.meldspoor.reporting.dashboard.Dashboard.PeriodFigures;
import nl.meldspoor.reporting.dashboard.Dashboard.SchoolFigures;
import nl.meldspoor.reporting.dashboard.Dashboard.SignalFigures;
import nl.meldspoor.reporting.dashboard.Suppression.Cell;
import nl.meldspoor.reporting.dashboard.counters.Counter;
import nl.meldspoor.reporting.dashboard.counters.CounterQueries;
import nl.meldspoor.reporting.dashboard.counters.SchoolYear;
import nl.meldspoor.reporting.dashboard.counters.Tally;
import nl.meldspoor.reporting.organisation.Level;
import nl.meldspoor.reporting.organisation.OrganisationProperties.School;
import nl.meldspoor.reporting.organisation.Scope;
import org.springframework.stereotype.Component;

/**
 * Computes a dashboard from the pre-aggregated counters of the schools in scope (per school and day, kept by
 * {@link nl.meldspoor.reporting.dashboard.counters.DashboardCounters}); nothing pupil-level is read, and no case document. Suppression is applied here, at
 * query time, over the whole dashboard.
 */
@Component
public class Dashboards {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private final CounterQueries counters;
    private final DashboardProperties properties;
    private final Clock clock;

    public Dashboards(CounterQueries counters, DashboardProperties properties, Clock clock) {
        this.counters = counters;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @param to    exclusive
     * @param exact whether the reader is staff of the school itself; anyone else gets suppressed figures
     */
    public Dashboard of(Scope scope, LocalDate from, LocalDate to, boolean exact) {
        return compute(scope, from, to, exact, counters.tally(scope.schoolIds(), from, to));
    }

    /**
     * The dashboard over counts already read: every table is filled first, then suppressed as a whole. Counts
     * outside [from, to) are left out; the open cases are taken as given (those opened before {@code to}).
     */
    Dashboard compute(Scope scope, LocalDate from, LocalDate to, boolean exact, Tally tally) {
        int threshold = properties.suppressionThreshold();
        Suppression suppression = exact ? Suppression.exact(threshold) : Suppression.aboveSchool(threshold);
        LocalDate reference = earliest(LocalDate.now(clock.withZone(AMSTERDAM)), to.minusDays(1));
        Window window = new Window(from, to);
        RawFigures totals = figures(tally, null, window, reference, suppression);
        List<School> schools = scope.level() == Level.SCHOOL ? List.of() : scope.schools();
        List<RawFigures> perSchool = schools.stream()
                .map(school -> figures(tally, school.id(), window, reference, suppression)).toList();
        List<RawPeriod> perMonth = byPeriod(tally, window, suppression, date -> YearMonth.from(date).toString());
        List<RawPeriod> perSchoolYear = byPeriod(tally, window, suppression, Dashboards::schoolYear);
        // the published equations: a total is the sum of its parts, in every direction the dashboard shows
        for (RawFigures figures : concat(totals, perSchool)) {
            suppression.group(figures.signalsRecorded(), figures.byCategory().values());
            suppression.group(figures.incidentsRecorded(), figures.byType().values());
        }
        List<Cell> totalColumns = totals.columns();
        List<List<Cell>> schoolColumns = perSchool.stream().map(RawFigures::columns).toList();
        for (int column = 0; column < totalColumns.size(); column++) {
            int at = column;
            suppression.group(totalColumns.get(column), schoolColumns.stream().map(columns -> columns.get(at)).toList());
        }
        List<Cell> periodTotals = totals.periodColumns();
        for (int column = 0; column < periodTotals.size(); column++) {
            int at = column;
            suppression.group(periodTotals.get(column), perMonth.stream().map(month -> month.counts().get(at)).toList());
            suppression.group(periodTotals.get(column), perSchoolYear.stream().map(year -> year.counts().get(at)).toList());
        }
        // the months and school years by category and type: each row adds up to its own count, each column to the total's
        for (List<RawPeriod> rows : List.of(perMonth, perSchoolYear)) {
            for (RawPeriod row : rows) {
                suppression.group(row.signals(), row.byCategory().values());
                suppression.group(row.incidents(), row.byType().values());
            }
            for (SignalCategory category : SignalCategory.values()) {
                suppression.group(totals.byCategory().get(category), rows.stream().map(row -> row.byCategory().get(category)).toList());
            }
            for (IncidentType type : IncidentType.values()) {
                suppression.group(totals.byType().get(type), rows.stream().map(row -> row.byType().get(type)).toList());
            }
        }
        suppression.apply();

        List<SchoolFigures> schoolFigures = new ArrayList<>();
        for (int i = 0; i < schools.size(); i++) {
            schoolFigures.add(new SchoolFigures(schools.get(i).id(), schools.get(i).name(), perSchool.get(i).render(suppression)));
        }
        return new Dashboard(scope.level(), scope.id(), scope.name(), from, to, threshold,
                totals.render(suppression),
                perMonth.stream().map(row -> row.render(suppression)).toList(),
                perSchoolYear.stream().map(row -> row.render(suppression)).toList(),
                schoolFigures);
    }

    private static List<RawFigures> concat(RawFigures first, List<RawFigures> rest) {
        List<RawFigures> all = new ArrayList<>(rest);
        all.add(0, first);
        return all;
    }

    /** The days counted: [from, to). */
    private record Window(LocalDate from, LocalDate to) {
        boolean contains(LocalDate day) {
            return !day.isBefore(from) && day.isBefore(to);
        }
    }

    /** The figures of a school or a total before suppression: one cell per published count. */
    private record RawFigures(Cell casesOpened, Cell veiligThuisAdvice, Cell reportsMade, Cell helpOrganised,
                              Cell closedWithoutSuspicion, Cell overdueDeadlines, int documented,
                              Map<String, double[]> medianDays, Map<String, Cell> medianCases,
                              Map<String, Integer> documentedPerStep, Map<String, Cell> reachedPerStep,
                              Cell signalsRecorded, Map<SignalCategory, Cell> byCategory, Cell urgent, Cell escalated,
                              Cell incidentsRecorded, Map<IncidentType, Cell> byType, Cell serious, Cell meldplicht) {

        /** Every count, in a fixed order, so a school's column lines up with the total's. */
        List<Cell> columns() {
            List<Cell> columns = new ArrayList<>(List.of(casesOpened, veiligThuisAdvice, reportsMade, helpOrganised,
                    closedWithoutSuspicion, overdueDeadlines, signalsRecorded, urgent, escalated, incidentsRecorded, serious, meldplicht));
            columns.addAll(medianCases.values());
            // step 1's basis is casesOpened itself, already a column
            reachedPerStep.forEach((step, cell) -> {
                if (cell != casesOpened) {
                    columns.add(cell);
                }
            });
            columns.addAll(byCategory.values());
            columns.addAll(byType.values());
            return columns;
        }

        /** The counts the per-month and per-school-year rows break down, in {@link RawPeriod}'s order. */
        List<Cell> periodColumns() {
            return List.of(casesOpened, veiligThuisAdvice, reportsMade, helpOrganised, closedWithoutSuspicion, signalsRecorded, incidentsRecorded);
        }

        Figures render(Suppression suppression) {
            Map<String, Median> medians = new LinkedHashMap<>();
            medianDays.forEach((steps, days) -> medians.put(steps, suppression.median(days, medianCases.get(steps))));
            Map<SignalCategory, Count> categories = new EnumMap<>(SignalCategory.class);
            byCategory.forEach((category, cell) -> categories.put(category, suppression.count(cell)));
            Map<IncidentType, Count> types = new EnumMap<>(IncidentType.class);
            byType.forEach((type, cell) -> types.put(type, suppression.count(cell)));
            Map<String, Share> perStep = new LinkedHashMap<>();
            reachedPerStep.forEach((step, reached) -> perStep.put(step, suppression.share(documentedPerStep.get(step), reached)));
            return new Figures(suppression.count(casesOpened), suppression.count(veiligThuisAdvice), suppression.count(reportsMade),
                    suppression.count(helpOrganised), suppression.count(closedWithoutSuspicion), suppression.count(overdueDeadlines),
                    suppression.share(documented, casesOpened), medians,
                    new SignalFigures(suppression.count(signalsRecorded), categories, suppression.count(urgent), suppression.count(escalated)),
                    new IncidentFigures(suppression.count(incidentsRecorded), types, suppression.count(serious), suppression.count(meldplicht)),
                    perStep);
        }
    }

    /**
     * One month or school year before suppression: cases opened, advice, reports, help, closed without suspicion, signals,
     * incidents — and the signals by category and incidents by type.
     */
    private record RawPeriod(String period, List<Cell> counts, Map<SignalCategory, Cell> byCategory, Map<IncidentType, Cell> byType) {

        Cell signals() {
            return counts.get(5);
        }

        Cell incidents() {
            return counts.get(6);
        }

        PeriodFigures render(Suppression suppression) {
            List<Count> shown = counts.stream().map(suppression::count).toList();
            Map<SignalCategory, Count> categories = new EnumMap<>(SignalCategory.class);
            byCategory.forEach((category, cell) -> categories.put(category, suppression.count(cell)));
            Map<IncidentType, Count> types = new EnumMap<>(IncidentType.class);
            byType.forEach((type, cell) -> types.put(type, suppression.count(cell)));
            return new PeriodFigures(period, shown.get(0), shown.get(1), shown.get(2), shown.get(3), shown.get(4), shown.get(5), shown.get(6),
                    categories, types);
        }
    }

    /** @param schoolId {@code null} for the total over every school in the tally */
    private RawFigures figures(Tally tally, String schoolId, Window window, LocalDate reference, Suppression suppression) {
        // a board's dashboard asks this for each of its schools: only that school's counts and open cases are read
        List<Tally.Sample> samples = schoolId == null ? tally.samples() : tally.samplesOf(schoolId);
        int[] sum = new int[Counter.SIZE];
        Collection<TreeMap<LocalDate, int[]>> counted = schoolId == null ? tally.counts().values()
                : tally.counts().containsKey(schoolId) ? List.of(tally.counts().get(schoolId)) : List.of();
        counted.forEach(schoolDays -> schoolDays.subMap(window.from(), window.to()).values().forEach(counts -> add(sum, counts)));
        int overdue = (int) (schoolId == null ? tally.openCases() : tally.openCasesOf(schoolId)).stream()
                .flatMap(open -> open.dues().stream())
                .filter(due -> reference.isAfter(due))
                .count();
        int documented = sum[Counter.DOCUMENTED];
        double[][] daysPerStep = daysPerStep(samples, window);
        Map<String, double[]> medianDays = new LinkedHashMap<>();
        Map<String, Cell> medianCases = new LinkedHashMap<>();
        // cells are made in the order the published figures always had, so that suppression picks the same cells
        for (int step = 1; step < 5; step++) {
            medianDays.put(step + "-" + (step + 1), daysPerStep[step]);
            medianCases.put(step + "-" + (step + 1), suppression.cell(daysPerStep[step].length));
        }
        Cell casesOpened = suppression.cell(sum[Counter.OPENED]);
        Map<String, Integer> documentedPerStep = new LinkedHashMap<>();
        Map<String, Cell> reachedPerStep = new LinkedHashMap<>();
        for (int step = 1; step <= 5; step++) {
            documentedPerStep.put(String.valueOf(step), sum[Counter.documentedStep(step)]);
            // every case reaches step 1: its basis is the same published count as casesOpened, not a second copy of it
            reachedPerStep.put(String.valueOf(step), step == 1 ? casesOpened : suppression.cell(sum[Counter.reachedStep(step)]));
        }
        Map<SignalCategory, Cell> byCategory = new EnumMap<>(SignalCategory.class);
        for (SignalCategory category : SignalCategory.values()) {
            byCategory.put(category, suppression.cell(sum[Counter.category(category)]));
        }
        Map<IncidentType, Cell> byType = new EnumMap<>(IncidentType.class);
        for (IncidentType type : IncidentType.values()) {
            byType.put(type, suppression.cell(sum[Counter.type(type)]));
        }
        return new RawFigures(
                casesOpened,
                suppression.cell(sum[Counter.ADVICE]),
                suppression.cell(sum[Counter.REPORTS]),
                suppression.cell(sum[Counter.HELP]),
                suppression.cell(sum[Counter.CLOSED_WITHOUT_SUSPICION]),
                suppression.cell(overdue),
                documented, medianDays, medianCases, documentedPerStep, reachedPerStep,
                suppression.cell(sum[Counter.SIGNALS]), byCategory,
                suppression.cell(sum[Counter.URGENT]),
                suppression.cell(sum[Counter.ESCALATED]),
                suppression.cell(sum[Counter.INCIDENTS]), byType,
                suppression.cell(sum[Counter.SERIOUS]),
                suppression.cell(sum[Counter.MELDPLICHT]));
    }

    /**
     * The days of the samples in the window by the step they start from (1 to 4; index 0 unused), in one pass: a board's
     * five school years hold tens of thousands of samples.
     */
    private static double[][] daysPerStep(List<Tally.Sample> samples, Window window) {
        List<Tally.Sample> counted = samples.stream()
                .filter(sample -> sample.fromStep() >= 1 && sample.fromStep() <= 4 && window.contains(sample.day()))
                .toList();
        int[] perStep = new int[5];
        counted.forEach(sample -> perStep[sample.fromStep()]++);
        double[][] days = new double[5][];
        for (int step = 0; step < days.length; step++) {
            days[step] = new double[perStep[step]];
        }
        int[] filled = new int[5];
        counted.forEach(sample -> days[sample.fromStep()][filled[sample.fromStep()]++] = sample.days());
        return days;
    }

    private static void add(int[] sum, int[] counts) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += counts[i];
        }
    }

    /** The period's rows: a month or school year is shown when anything of its seven counts happened in it. */
    private List<RawPeriod> byPeriod(Tally tally, Window window, Suppression suppression, Function<LocalDate, String> bucket) {
        Map<String, int[]> sums = new TreeMap<>();
        // every school counts on the same days (a whole month on its first): each day's bucket found once
        Map<LocalDate, int[]> byDay = new HashMap<>();
        tally.counts().values().forEach(days -> days.subMap(window.from(), window.to())
                .forEach((day, counts) -> add(byDay.computeIfAbsent(day,
                        first -> sums.computeIfAbsent(bucket.apply(first), key -> new int[Counter.SIZE])), counts)));
        List<RawPeriod> rows = new ArrayList<>();
        sums.forEach((bucketKey, sum) -> {
            int[] shown = {sum[Counter.OPENED], sum[Counter.ADVICE], sum[Counter.REPORTS], sum[Counter.HELP],
                    sum[Counter.CLOSED_WITHOUT_SUSPICION], sum[Counter.SIGNALS], sum[Counter.INCIDENTS]};
            if (java.util.Arrays.stream(shown).allMatch(count -> count == 0)) {
                return;
            }
            Map<SignalCategory, Cell> byCategory = new EnumMap<>(SignalCategory.class);
            for (SignalCategory category : SignalCategory.values()) {
                byCategory.put(category, suppression.cell(sum[Counter.category(category)]));
            }
            Map<IncidentType, Cell> byType = new EnumMap<>(IncidentType.class);
            for (IncidentType type : IncidentType.values()) {
                byType.put(type, suppression.cell(sum[Counter.type(type)]));
            }
            rows.add(new RawPeriod(bucketKey, java.util.Arrays.stream(shown).mapToObj(suppression::cell).toList(), byCategory, byType));
        });
        return rows;
    }

    /** The Dutch school year a day belongs to: from 1 August to 31 July. */
    static String schoolYear(LocalDate day) {
        return SchoolYear.of(day);
    }

    static LocalDate currentSchoolYearStart(LocalDate today) {
        return SchoolYear.startOf(today);
    }

    private static LocalDate earliest(LocalDate one, LocalDate other) {
        return one.isBefore(other) ? one : other;
    }
}
