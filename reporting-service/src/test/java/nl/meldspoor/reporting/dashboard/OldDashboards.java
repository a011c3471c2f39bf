package nl.meldspoor.reporting.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import nl.meldspoor.reporting.dashboard.Dashboard.Figures;
import nl.meldspoor.reporting.dashboard.Suppression.Cell;
import nl.meldspoor.reporting.dashboard.Dashboard.IncidentFigures;
import nl.meldspoor.api.incident.IncidentType;
import nl.meldspoor.api.incident.Severity;
import nl.meldspoor.reporting.incident.IncidentLine;
import nl.meldspoor.reporting.incident.IncidentQueries;
import nl.meldspoor.reporting.dashboard.Dashboard.PeriodFigures;
import nl.meldspoor.reporting.dashboard.Dashboard.SchoolFigures;
import nl.meldspoor.reporting.dashboard.Dashboard.SignalFigures;
import nl.meldspoor.api.signal.SignalCategory;
import nl.meldspoor.reporting.pupil.SignalFact;
import nl.meldspoor.reporting.pupil.SignalFacts;
import nl.meldspoor.reporting.meldcase.CaseFacts;
import nl.meldspoor.reporting.meldcase.CaseQueries;
import nl.meldspoor.reporting.meldcase.CaseRecord;
import nl.meldspoor.reporting.organisation.Level;
import nl.meldspoor.reporting.organisation.OrganisationProperties.School;
import nl.meldspoor.reporting.organisation.Scope;
import nl.meldspoor.reporting.rapportage.StepDocumentation;
import nl.meldspoor.reporting.rapportage.StepStatus;

/**
 * The dashboards as they were computed before the counters: from every case document active in the period and every
 * signal and incident fact, on each request. Kept only to prove that the counters give the same dashboards
 * ({@link CountersGiveTheSameDashboardsTest}) and to measure the difference ({@link DashboardBench}).
 */
class OldDashboards {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final double SECONDS_PER_DAY = Duration.ofDays(1).toSeconds();

    private final CaseQueries cases;
    private final SignalFacts signalFacts;
    private final IncidentQueries incidentQueries;
    private final DashboardProperties properties;
    private final Clock clock;

    OldDashboards(CaseQueries cases, SignalFacts signalFacts, IncidentQueries incidentQueries, DashboardProperties properties, Clock clock) {
        this.cases = cases;
        this.signalFacts = signalFacts;
        this.incidentQueries = incidentQueries;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @param to    exclusive
     * @param exact whether the reader is staff of the school itself; anyone else gets suppressed figures
     */
    public Dashboard of(Scope scope, LocalDate from, LocalDate to, boolean exact) {
        Instant start = from.atStartOfDay(AMSTERDAM).toInstant();
        Instant end = to.atStartOfDay(AMSTERDAM).toInstant();
        return compute(scope, from, to, exact, cases.activeIn(scope.schoolIds(), start, end),
                signalFacts.recordedIn(scope.schoolIds(), start, end), incidentQueries.occurredIn(scope.schoolIds(), start, end));
    }

    /** The dashboard over facts already read: every table is filled first, then suppressed as a whole. */
    Dashboard compute(Scope scope, LocalDate from, LocalDate to, boolean exact,
                      List<CaseRecord> records, List<SignalFact> signals, List<IncidentLine> incidents) {
        Instant start = from.atStartOfDay(AMSTERDAM).toInstant();
        Instant end = to.atStartOfDay(AMSTERDAM).toInstant();
        Facts facts = new Facts(records, signals, incidents);
        int threshold = properties.suppressionThreshold();
        Suppression suppression = exact ? Suppression.exact(threshold) : Suppression.aboveSchool(threshold);
        LocalDate reference = earliest(LocalDate.now(clock.withZone(AMSTERDAM)), to.minusDays(1));
        Period period = new Period(start, end);
        RawFigures totals = figures(facts, period, reference, suppression);
        List<School> schools = scope.level() == Level.SCHOOL ? List.of() : scope.schools();
        List<RawFigures> perSchool = schools.stream().map(school -> figures(facts.of(school), period, reference, suppression)).toList();
        List<RawPeriod> perMonth = byPeriod(facts, period, suppression, date -> YearMonth.from(date).toString());
        List<RawPeriod> perSchoolYear = byPeriod(facts, period, suppression, OldDashboards::schoolYear);

        // the published equations: a total is the sum of its parts, in every direction the dashboard shows
        for (RawFigures figures : concat(totals, perSchool)) {
            suppression.group(figures.signalsRecorded(), figures.byCategory().values());
            suppression.group(figures.incidentsRecorded(), figures.byType().values());
        }
        List<Cell> totalColumns = totals.columns();
        for (int column = 0; column < totalColumns.size(); column++) {
            int at = column;
            suppression.group(totalColumns.get(column), perSchool.stream().map(school -> school.columns().get(at)).toList());
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

    private record Period(Instant start, Instant end) {
        boolean contains(Instant moment) {
            return moment != null && !moment.isBefore(start) && moment.isBefore(end);
        }
    }

    /** What the dashboard counts: cases, signals and incidents in scope. */
    private record Facts(List<CaseRecord> cases, List<SignalFact> signals, List<IncidentLine> incidents) {

        Facts of(School school) {
            return new Facts(cases.stream().filter(record -> school.id().equals(record.schoolId())).toList(),
                    signals.stream().filter(signal -> school.id().equals(signal.schoolId())).toList(),
                    incidents.stream().filter(incident -> school.id().equals(incident.schoolId())).toList());
        }
    }

    /** The figures of a school or a total before suppression: one cell per published count. */
    private record RawFigures(Cell casesOpened, Cell veiligThuisAdvice, Cell reportsMade, Cell helpOrganised,
                              Cell closedWithoutSuspicion, Cell overdueDeadlines, int documented,
                              Map<String, List<Double>> medianDays, Map<String, Cell> medianCases,
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
            medianDays.forEach((steps, days) -> medians.put(steps, suppression.median(days.stream().mapToDouble(Double::doubleValue).toArray(), medianCases.get(steps))));
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

    private RawFigures figures(Facts facts, Period period, LocalDate reference, Suppression suppression) {
        List<CaseRecord> records = facts.cases();
        List<CaseRecord> opened = records.stream().filter(record -> period.contains(record.openedAt())).toList();
        int overdue = (int) records.stream()
                .filter(record -> record.closedAt() == null)
                .flatMap(record -> facts(record).openDeadlines().stream())
                .filter(deadline -> deadline.overdueOn(reference))
                .count();
        int documented = (int) opened.stream().filter(record -> facts(record).documentation().complete()).count();
        Map<String, List<Double>> medianDays = new LinkedHashMap<>();
        Map<String, Cell> medianCases = new LinkedHashMap<>();
        for (int step = 1; step < 5; step++) {
            int from = step;
            List<Double> days = opened.stream().map(CaseRecord::facts)
                    .filter(caseFacts -> caseFacts.stepsReached().of(from) != null && caseFacts.stepsReached().of(from + 1) != null)
                    .map(caseFacts -> days(caseFacts.stepsReached().of(from), caseFacts.stepsReached().of(from + 1)))
                    .toList();
            medianDays.put(from + "-" + (from + 1), days);
            medianCases.put(from + "-" + (from + 1), suppression.cell(days.size()));
        }
        Cell casesOpened = suppression.cell(opened.size());
        Map<String, Integer> documentedPerStep = new LinkedHashMap<>();
        Map<String, Cell> reachedPerStep = new LinkedHashMap<>();
        for (int step = 1; step <= 5; step++) {
            int number = step;
            List<StepStatus> statuses = opened.stream().map(record -> status(record, number)).toList();
            documentedPerStep.put(String.valueOf(step), (int) statuses.stream().filter(OldDashboards::documented).count());
            // every case reaches step 1: its basis is the same published count as casesOpened, not a second copy of it
            reachedPerStep.put(String.valueOf(step), step == 1 ? casesOpened
                    : suppression.cell((int) statuses.stream().filter(OldDashboards::reached).count()));
        }
        List<SignalFact> signals = facts.signals();
        Map<SignalCategory, Cell> byCategory = new EnumMap<>(SignalCategory.class);
        for (SignalCategory category : SignalCategory.values()) {
            byCategory.put(category, suppression.cell((int) signals.stream().filter(signal -> signal.category() == category).count()));
        }
        List<IncidentLine> incidents = facts.incidents();
        Map<IncidentType, Cell> byType = new EnumMap<>(IncidentType.class);
        for (IncidentType type : IncidentType.values()) {
            byType.put(type, suppression.cell((int) incidents.stream().filter(incident -> incident.type() == type).count()));
        }
        return new RawFigures(
                casesOpened,
                suppression.cell(countIn(records, period, CaseFacts::veiligThuisAdvice)),
                suppression.cell(countIn(records, period, CaseFacts::reports)),
                suppression.cell(countIn(records, period, CaseFacts::helpStarted)),
                suppression.cell((int) records.stream().filter(record -> period.contains(facts(record).closedWithoutSuspicion())).count()),
                suppression.cell(overdue),
                documented, medianDays, medianCases, documentedPerStep, reachedPerStep,
                suppression.cell(signals.size()), byCategory,
                suppression.cell((int) signals.stream().filter(SignalFact::urgent).count()),
                suppression.cell((int) signals.stream().filter(SignalFact::escalated).count()),
                suppression.cell(incidents.size()), byType,
                suppression.cell((int) incidents.stream().filter(incident -> incident.severity() == Severity.SERIOUS).count()),
                suppression.cell((int) incidents.stream().filter(IncidentLine::meldplicht).count()));
    }

    private List<RawPeriod> byPeriod(Facts facts, Period period, Suppression suppression, Function<LocalDate, String> bucket) {
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, int[]> categories = new TreeMap<>();
        Map<String, int[]> types = new TreeMap<>();
        Function<Instant, String> key = moment -> bucket.apply(moment.atZone(AMSTERDAM).toLocalDate());
        Function<Instant, int[]> row = moment -> counts.computeIfAbsent(key.apply(moment), k -> new int[7]);
        facts.signals().forEach(signal -> {
            row.apply(signal.recordedAt())[5]++;
            categories.computeIfAbsent(key.apply(signal.recordedAt()), k -> new int[SignalCategory.values().length])[signal.category().ordinal()]++;
        });
        facts.incidents().forEach(incident -> {
            row.apply(incident.occurredAt())[6]++;
            types.computeIfAbsent(key.apply(incident.occurredAt()), k -> new int[IncidentType.values().length])[incident.type().ordinal()]++;
        });
        for (CaseRecord record : facts.cases()) {
            CaseFacts caseFacts = facts(record);
            inPeriod(Stream.of(record.openedAt()), period).forEach(moment -> row.apply(moment)[0]++);
            inPeriod(caseFacts.veiligThuisAdvice().stream(), period).forEach(moment -> row.apply(moment)[1]++);
            inPeriod(caseFacts.reports().stream(), period).forEach(moment -> row.apply(moment)[2]++);
            inPeriod(caseFacts.helpStarted().stream(), period).forEach(moment -> row.apply(moment)[3]++);
            inPeriod(Stream.of(caseFacts.closedWithoutSuspicion()), period).forEach(moment -> row.apply(moment)[4]++);
        }
        List<RawPeriod> rows = new ArrayList<>();
        counts.forEach((bucketKey, count) -> {
            int[] perCategory = categories.getOrDefault(bucketKey, new int[SignalCategory.values().length]);
            int[] perType = types.getOrDefault(bucketKey, new int[IncidentType.values().length]);
            Map<SignalCategory, Cell> byCategory = new EnumMap<>(SignalCategory.class);
            for (SignalCategory category : SignalCategory.values()) {
                byCategory.put(category, suppression.cell(perCategory[category.ordinal()]));
            }
            Map<IncidentType, Cell> byType = new EnumMap<>(IncidentType.class);
            for (IncidentType type : IncidentType.values()) {
                byType.put(type, suppression.cell(perType[type.ordinal()]));
            }
            rows.add(new RawPeriod(bucketKey, java.util.Arrays.stream(count).mapToObj(suppression::cell).toList(), byCategory, byType));
        });
        return rows;
    }

    private static StepStatus status(CaseRecord record, int step) {
        return facts(record).documentation().steps().stream().filter(documentation -> documentation.step() == step)
                .map(StepDocumentation::status).findFirst().orElse(step == 1 ? StepStatus.INCOMPLETE : StepStatus.NOT_YET);
    }

    /** The case got to this step (or past it): a step not yet reached or not applicable is not counted. */
    private static boolean reached(StepStatus status) {
        return status == StepStatus.COMPLETE || status == StepStatus.INCOMPLETE || status == StepStatus.IN_PROGRESS;
    }

    /** Documented so far, as {@code documentationComplete} counts it: nothing that should have been recorded is missing. */
    private static boolean documented(StepStatus status) {
        return status == StepStatus.COMPLETE || status == StepStatus.IN_PROGRESS;
    }

    private static Stream<Instant> inPeriod(Stream<Instant> moments, Period period) {
        return moments.filter(period::contains);
    }

    private static int countIn(List<CaseRecord> records, Period period, Function<CaseFacts, List<Instant>> moments) {
        return (int) records.stream().flatMap(record -> moments.apply(facts(record)).stream()).filter(period::contains).count();
    }

    private static CaseFacts facts(CaseRecord record) {
        return record.facts();
    }

    private static double days(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toSeconds()) / SECONDS_PER_DAY;
    }

    /** The Dutch school year a day belongs to: from 1 August to 31 July. */
    static String schoolYear(LocalDate day) {
        int startYear = day.getMonthValue() >= 8 ? day.getYear() : day.getYear() - 1;
        return startYear + "-" + (startYear + 1);
    }

    static LocalDate currentSchoolYearStart(LocalDate today) {
        return LocalDate.of(today.getMonthValue() >= 8 ? today.getYear() : today.getYear() - 1, 8, 1);
    }

    private static LocalDate earliest(LocalDate one, LocalDate other) {
        return one.isBefore(other) ? one : other;
    }
}
