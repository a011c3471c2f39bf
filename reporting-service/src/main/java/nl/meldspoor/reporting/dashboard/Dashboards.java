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
import org.springframework.stereotype.Component;

/** Computes a dashboard from the facts of the cases in scope; nothing pupil-level is read. */
@Component
public class Dashboards {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final double SECONDS_PER_DAY = Duration.ofDays(1).toSeconds();

    private final CaseQueries cases;
    private final SignalFacts signalFacts;
    private final IncidentQueries incidentQueries;
    private final DashboardProperties properties;
    private final Clock clock;

    public Dashboards(CaseQueries cases, SignalFacts signalFacts, IncidentQueries incidentQueries, DashboardProperties properties, Clock clock) {
        this.cases = cases;
        this.signalFacts = signalFacts;
        this.incidentQueries = incidentQueries;
        this.properties = properties;
        this.clock = clock;
    }

    /** @param to exclusive */
    public Dashboard of(Scope scope, LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(AMSTERDAM).toInstant();
        Instant end = to.atStartOfDay(AMSTERDAM).toInstant();
        List<CaseRecord> records = cases.activeIn(scope.schoolIds(), start, end);
        List<SignalFact> signals = signalFacts.recordedIn(scope.schoolIds(), start, end);
        List<IncidentLine> incidents = incidentQueries.occurredIn(scope.schoolIds(), start, end);
        Facts facts = new Facts(records, signals, incidents);
        Suppression suppression = new Suppression(properties.suppressionThreshold(), scope.level());
        LocalDate reference = earliest(LocalDate.now(clock.withZone(AMSTERDAM)), to.minusDays(1));
        Period period = new Period(start, end);
        List<SchoolFigures> perSchool = scope.level() == Level.SCHOOL ? List.of() : scope.schools().stream()
                .map(school -> new SchoolFigures(school.id(), school.name(),
                        figures(facts.of(school), period, reference, suppression)))
                .toList();
        return new Dashboard(scope.level(), scope.id(), scope.name(), from, to, properties.suppressionThreshold(),
                figures(facts, period, reference, suppression),
                byPeriod(facts, period, suppression, date -> YearMonth.from(date).toString()),
                byPeriod(facts, period, suppression, Dashboards::schoolYear),
                perSchool);
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

    private static IncidentFigures incidentFigures(List<IncidentLine> incidents, Suppression suppression) {
        Map<IncidentType, Count> byType = new EnumMap<>(IncidentType.class);
        for (IncidentType type : IncidentType.values()) {
            byType.put(type, suppression.count((int) incidents.stream().filter(incident -> incident.type() == type).count()));
        }
        return new IncidentFigures(suppression.count(incidents.size()), byType,
                suppression.count((int) incidents.stream().filter(incident -> incident.severity() == Severity.SERIOUS).count()),
                suppression.count((int) incidents.stream().filter(IncidentLine::meldplicht).count()));
    }

    private static SignalFigures signalFigures(List<SignalFact> signals, Suppression suppression) {
        Map<SignalCategory, Count> byCategory = new EnumMap<>(SignalCategory.class);
        for (SignalCategory category : SignalCategory.values()) {
            byCategory.put(category, suppression.count((int) signals.stream().filter(signal -> signal.category() == category).count()));
        }
        return new SignalFigures(suppression.count(signals.size()), byCategory,
                suppression.count((int) signals.stream().filter(SignalFact::urgent).count()),
                suppression.count((int) signals.stream().filter(SignalFact::escalated).count()));
    }

    private Figures figures(Facts facts, Period period, LocalDate reference, Suppression suppression) {
        List<CaseRecord> records = facts.cases();
        List<CaseRecord> opened = records.stream().filter(record -> period.contains(record.openedAt())).toList();
        int overdue = (int) records.stream()
                .filter(record -> record.closedAt() == null)
                .flatMap(record -> facts(record).openDeadlines().stream())
                .filter(deadline -> deadline.overdueOn(reference))
                .count();
        int documented = (int) opened.stream().filter(record -> facts(record).documentation().complete()).count();
        Map<String, Median> medians = new LinkedHashMap<>();
        for (int step = 1; step < 5; step++) {
            int from = step;
            List<Double> days = opened.stream().map(CaseRecord::facts)
                    .filter(caseFacts -> caseFacts.stepsReached().of(from) != null && caseFacts.stepsReached().of(from + 1) != null)
                    .map(caseFacts -> days(caseFacts.stepsReached().of(from), caseFacts.stepsReached().of(from + 1)))
                    .toList();
            medians.put(from + "-" + (from + 1), suppression.median(days));
        }
        return new Figures(
                suppression.count(opened.size()),
                suppression.count(countIn(records, period, CaseFacts::veiligThuisAdvice)),
                suppression.count(countIn(records, period, CaseFacts::reports)),
                suppression.count(countIn(records, period, CaseFacts::helpStarted)),
                suppression.count((int) records.stream().filter(record -> period.contains(facts(record).closedWithoutSuspicion())).count()),
                suppression.count(overdue),
                suppression.share(documented, opened.size()),
                medians,
                signalFigures(facts.signals(), suppression),
                incidentFigures(facts.incidents(), suppression));
    }

    private List<PeriodFigures> byPeriod(Facts facts, Period period, Suppression suppression, Function<LocalDate, String> bucket) {
        Map<String, int[]> counts = new TreeMap<>();
        Function<Instant, int[]> row = moment -> counts.computeIfAbsent(bucket.apply(moment.atZone(AMSTERDAM).toLocalDate()), key -> new int[7]);
        facts.signals().forEach(signal -> row.apply(signal.recordedAt())[5]++);
        facts.incidents().forEach(incident -> row.apply(incident.occurredAt())[6]++);
        for (CaseRecord record : facts.cases()) {
            CaseFacts caseFacts = facts(record);
            inPeriod(Stream.of(record.openedAt()), period).forEach(moment -> row.apply(moment)[0]++);
            inPeriod(caseFacts.veiligThuisAdvice().stream(), period).forEach(moment -> row.apply(moment)[1]++);
            inPeriod(caseFacts.reports().stream(), period).forEach(moment -> row.apply(moment)[2]++);
            inPeriod(caseFacts.helpStarted().stream(), period).forEach(moment -> row.apply(moment)[3]++);
            inPeriod(Stream.of(caseFacts.closedWithoutSuspicion()), period).forEach(moment -> row.apply(moment)[4]++);
        }
        List<PeriodFigures> figures = new ArrayList<>();
        counts.forEach((key, count) -> figures.add(new PeriodFigures(key, suppression.count(count[0]), suppression.count(count[1]),
                suppression.count(count[2]), suppression.count(count[3]), suppression.count(count[4]), suppression.count(count[5]),
                suppression.count(count[6]))));
        return figures;
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
