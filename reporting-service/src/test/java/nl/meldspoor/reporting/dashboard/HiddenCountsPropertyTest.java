package nl.meldspoor.reporting.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import nl.meldspoor.api.incident.IncidentType;
import nl.meldspoor.api.incident.Severity;
import nl.meldspoor.api.signal.SignalCategory;
import nl.meldspoor.reporting.incident.IncidentLine;
import nl.meldspoor.reporting.meldcase.CaseFacts;
import nl.meldspoor.reporting.meldcase.CaseRecord;
import nl.meldspoor.reporting.meldcase.CaseRecords;
import nl.meldspoor.reporting.meldcase.StepDates;
import nl.meldspoor.reporting.rapportage.Documentation;
import nl.meldspoor.reporting.rapportage.StepDocumentation;
import nl.meldspoor.reporting.rapportage.StepStatus;
import nl.meldspoor.reporting.organisation.Level;
import nl.meldspoor.reporting.organisation.OrganisationProperties.School;
import nl.meldspoor.reporting.organisation.Scope;
import nl.meldspoor.reporting.pupil.SignalFact;
import org.junit.jupiter.api.Test;

/**
 * For random boards — clusters of random size, many small counts, random categories, incident types and months —
 * no hidden count from 1 up to the threshold can be computed from what the dashboard shows: not from any single
 * published equation (a total is the sum of its parts, per school, per category or type, per month, per school
 * year, per category or type within each month and school year; the cases opened and those that reached each step,
 * the bases of the documentation per step, per school), and not from all of them solved together. The equations are read back from the dashboard itself and the
 * true values counted from the generated facts, independently of how the dashboard suppressed them.
 */
class HiddenCountsPropertyTest {

    private static final int THRESHOLD = 5;
    private static final long PRIME = 2_147_483_647L;
    private static final LocalDate YEAR_START = LocalDate.of(2026, 8, 1);
    private static final IncidentType[] FEW_TYPES = {IncidentType.PHYSICAL_VIOLENCE, IncidentType.SERIOUS_BULLYING,
            IncidentType.THEFT, IncidentType.SEXUAL_OFFENCE_BY_STAFF};

    private final Dashboards dashboards = new Dashboards(null, new DashboardProperties(THRESHOLD),
            java.time.Clock.fixed(Instant.parse("2027-09-01T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void noHiddenSmallCountCanBeComputedOnRandomBoards() {
        Random random = new Random(20260901L);
        int checkedHiddenSmallCells = 0;
        for (int run = 0; run < 200; run++) {
            List<School> schools = new ArrayList<>();
            int clusters = 1 + random.nextInt(3);
            for (int c = 0; c < clusters; c++) {
                int size = 1 + random.nextInt(4);
                for (int s = 0; s < size; s++) {
                    schools.add(new School("school-" + c + "-" + s, "School " + c + "." + s));
                }
            }
            boolean twoYears = random.nextBoolean();
            LocalDate from = twoYears ? YEAR_START.minusYears(1) : YEAR_START;
            List<SignalFact> signals = new ArrayList<>();
            List<IncidentLine> incidents = new ArrayList<>();
            List<CaseRecord> cases = new ArrayList<>();
            for (School school : schools) {
                for (int i = 0; i < amount(random); i++) {
                    cases.add(aCase(random, "c-" + cases.size(), school.id(), moment(random, from, twoYears)));
                }
                for (SignalCategory category : SignalCategory.values()) {
                    for (int i = 0; i < amount(random); i++) {
                        signals.add(new SignalFact("s-" + signals.size(), school.id(), moment(random, from, twoYears), category,
                                random.nextInt(3) == 0, random.nextInt(5) == 0));
                    }
                }
                for (IncidentType type : FEW_TYPES) {
                    for (int i = 0; i < amount(random); i++) {
                        incidents.add(incident(school.id(), moment(random, from, twoYears), type, random.nextBoolean()));
                    }
                }
            }
            Scope scope = switch (random.nextInt(3)) {
                case 0 -> new Scope(Level.SCHOOL, schools.get(0).id(), schools.get(0).name(), List.of(schools.get(0)));
                case 1 -> new Scope(Level.CLUSTER, "cluster", "Cluster", schools);
                default -> new Scope(Level.BOARD, "board", "Bestuur", schools);
            };
            // as read from the database: only the facts of the schools in scope
            List<SignalFact> inScope = signals.stream().filter(signal -> scope.schoolIds().contains(signal.schoolId())).toList();
            List<IncidentLine> incidentsInScope = incidents.stream().filter(incident -> scope.schoolIds().contains(incident.schoolId())).toList();
            List<CaseRecord> casesInScope = cases.stream().filter(record -> scope.schoolIds().contains(record.schoolId())).toList();
            Dashboard dashboard = dashboards.compute(scope, from, YEAR_START.plusYears(1), false, LegacyFacts.tally(casesInScope, inScope, incidentsInScope));
            Published published = Published.of(dashboard, scope, signals, incidents, cases);
            checkedHiddenSmallCells += published.assertNothingSmallDerivable("run " + run);
        }
        assertThat(checkedHiddenSmallCells).as("the generator produces hidden small counts").isGreaterThan(1000);
    }

    @Test
    void theDemoClusterZuidDoesNotGiveAwaySchoolD() {
        School d = new School("school-d", "School D");
        School e = new School("school-e", "School E");
        List<SignalFact> signals = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            signals.add(new SignalFact("s-" + i, i < 4 ? "school-d" : "school-e", Instant.parse("2026-10-01T08:00:00Z").plusSeconds(i * 86_400L),
                    SignalCategory.HOME_SITUATION, false, false));
        }
        Scope clusterZuid = new Scope(Level.CLUSTER, "cluster-zuid", "Cluster Zuid", List.of(d, e));
        Dashboard dashboard = dashboards.compute(clusterZuid, YEAR_START, YEAR_START.plusYears(1), false, LegacyFacts.tally(List.of(), signals, List.of()));

        Count total = dashboard.totals().signals().byCategory().get(SignalCategory.HOME_SITUATION);
        Count schoolD = dashboard.perSchool().get(0).figures().signals().byCategory().get(SignalCategory.HOME_SITUATION);
        Count schoolE = dashboard.perSchool().get(1).figures().signals().byCategory().get(SignalCategory.HOME_SITUATION);
        assertThat(schoolD).isEqualTo(Count.hidden());
        assertThat(total.suppressed() || schoolE.suppressed()).as("9 - 5 = 4 must not be computable").isTrue();
        assertThat(Published.of(dashboard, clusterZuid, signals, List.of(), List.of()).assertNothingSmallDerivable("demo")).isPositive();
    }

    private static int amount(Random random) {
        int kind = random.nextInt(10);
        return kind < 4 ? 0 : kind < 8 ? 1 + random.nextInt(THRESHOLD - 1) : THRESHOLD + random.nextInt(15);
    }

    private static Instant moment(Random random, LocalDate from, boolean twoYears) {
        int days = random.nextInt(twoYears ? 730 : 365);
        return from.plusDays(days).atTime(10, 0).toInstant(ZoneOffset.UTC);
    }

    /** A case that reached a random step, each reached step documented or not; step 5 sometimes does not apply. */
    private static CaseRecord aCase(Random random, String caseId, String schoolId, Instant openedAt) {
        int reached = 1 + random.nextInt(5);
        List<StepDocumentation> steps = new ArrayList<>();
        for (int step = 1; step <= 5; step++) {
            StepStatus status = step > reached ? StepStatus.NOT_YET
                    : step == 5 && random.nextInt(4) == 0 ? StepStatus.NOT_APPLICABLE
                    : random.nextInt(3) == 0 ? StepStatus.INCOMPLETE : random.nextInt(5) == 0 ? StepStatus.IN_PROGRESS : StepStatus.COMPLETE;
            steps.add(new StepDocumentation(step, "Stap " + step, status, List.of(), List.of()));
        }
        Documentation documentation = new Documentation(steps, steps.stream().noneMatch(step -> step.status() == StepStatus.INCOMPLETE));
        return CaseRecords.of(caseId, schoolId, openedAt, null,
                new CaseFacts(new StepDates(openedAt, null, null, null, null), List.of(), List.of(), List.of(), null, List.of(), documentation));
    }

    private static boolean reachedStep(CaseRecord record, int step) {
        StepStatus status = record.facts().documentation().steps().get(step - 1).status();
        return status != StepStatus.NOT_YET && status != StepStatus.NOT_APPLICABLE;
    }

    private static IncidentLine incident(String schoolId, Instant at, IncidentType type, boolean serious) {
        return new IncidentLine("i-" + at.toEpochMilli() + type, schoolId, at, at, at, type, serious ? Severity.SERIOUS : Severity.MINOR,
                null, type == IncidentType.SEXUAL_OFFENCE_BY_STAFF, null, null, 0, null, null, false, null, null);
    }

    /** The cells a dashboard shows (true value, hidden or not) and the equations it publishes between them. */
    private record Published(Map<String, Integer> truth, Map<String, Count> shown, List<Equation> equations) {

        record Equation(String total, List<String> parts) {
        }

        static Published of(Dashboard dashboard, Scope scope, List<SignalFact> signals, List<IncidentLine> incidents, List<CaseRecord> cases) {
            Map<String, Integer> truth = new LinkedHashMap<>();
            Map<String, Count> shown = new LinkedHashMap<>();
            List<Equation> equations = new ArrayList<>();
            List<String> units = new ArrayList<>(List.of("total"));
            Map<String, Dashboard.Figures> figures = new HashMap<>(Map.of("total", dashboard.totals()));
            for (Dashboard.SchoolFigures school : dashboard.perSchool()) {
                units.add(school.schoolId());
                figures.put(school.schoolId(), school.figures());
            }
            for (String unit : units) {
                List<SignalFact> own = signals.stream().filter(s -> unit.equals("total") ? scope.schoolIds().contains(s.schoolId()) : unit.equals(s.schoolId())).toList();
                List<IncidentLine> ownIncidents = incidents.stream().filter(i -> unit.equals("total") ? scope.schoolIds().contains(i.schoolId()) : unit.equals(i.schoolId())).toList();
                Dashboard.Figures f = figures.get(unit);
                List<CaseRecord> ownCases = cases.stream().filter(c -> unit.equals("total") ? scope.schoolIds().contains(c.schoolId()) : unit.equals(c.schoolId())).toList();
                put(truth, shown, unit + "/opened", ownCases.size(), f.casesOpened());
                // documentation per step: the share is over the cases that reached the step, shown only when that basis is
                assertThat(f.documentationPerStep().get("1").basis()).as(unit + ": step 1's basis is the cases opened").isEqualTo(f.casesOpened());
                for (int step = 1; step <= 5; step++) {
                    int number = step;
                    Share share = f.documentationPerStep().get(String.valueOf(step));
                    assertThat(share.suppressed()).as(unit + ": step " + step + "'s share is hidden with its basis").isEqualTo(share.basis().suppressed());
                    assertThat(!share.suppressed() || share.percentage() == null).isTrue();
                    if (step > 1) {
                        put(truth, shown, unit + "/reached-" + step, (int) ownCases.stream().filter(c -> reachedStep(c, number)).count(), share.basis());
                    }
                }
                put(truth, shown, unit + "/signals", own.size(), f.signals().recorded());
                put(truth, shown, unit + "/urgent", (int) own.stream().filter(SignalFact::urgent).count(), f.signals().urgent());
                put(truth, shown, unit + "/escalated", (int) own.stream().filter(SignalFact::escalated).count(), f.signals().escalated());
                List<String> categories = new ArrayList<>();
                for (SignalCategory category : SignalCategory.values()) {
                    put(truth, shown, unit + "/" + category, (int) own.stream().filter(s -> s.category() == category).count(), f.signals().byCategory().get(category));
                    categories.add(unit + "/" + category);
                }
                equations.add(new Equation(unit + "/signals", categories));
                put(truth, shown, unit + "/incidents", ownIncidents.size(), f.incidents().recorded());
                put(truth, shown, unit + "/serious", (int) ownIncidents.stream().filter(i -> i.severity() == Severity.SERIOUS).count(), f.incidents().serious());
                put(truth, shown, unit + "/meldplicht", (int) ownIncidents.stream().filter(IncidentLine::meldplicht).count(), f.incidents().meldplicht());
                List<String> types = new ArrayList<>();
                for (IncidentType type : IncidentType.values()) {
                    put(truth, shown, unit + "/" + type, (int) ownIncidents.stream().filter(i -> i.type() == type).count(), f.incidents().byType().get(type));
                    types.add(unit + "/" + type);
                }
                equations.add(new Equation(unit + "/incidents", types));
            }
            if (units.size() > 1) {
                List<String> measures = new ArrayList<>(List.of("signals", "urgent", "escalated", "incidents", "serious", "meldplicht",
                        "opened", "reached-2", "reached-3", "reached-4", "reached-5"));
                java.util.Arrays.stream(SignalCategory.values()).map(Enum::name).forEach(measures::add);
                java.util.Arrays.stream(IncidentType.values()).map(Enum::name).forEach(measures::add);
                for (String measure : measures) {
                    equations.add(new Equation("total/" + measure, units.subList(1, units.size()).stream().map(unit -> unit + "/" + measure).toList()));
                }
            }
            for (var table : Map.of("month", dashboard.perMonth(), "year", dashboard.perSchoolYear()).entrySet()) {
                List<String> signalRows = new ArrayList<>();
                List<String> incidentRows = new ArrayList<>();
                List<String> openedRows = new ArrayList<>();
                Map<SignalCategory, List<String>> categoryColumns = new java.util.EnumMap<>(SignalCategory.class);
                Map<IncidentType, List<String>> typeColumns = new java.util.EnumMap<>(IncidentType.class);
                for (Dashboard.PeriodFigures row : table.getValue()) {
                    String key = table.getKey() + "/" + row.period();
                    java.util.function.Predicate<Instant> in = moment -> (table.getKey().equals("month")
                            ? java.time.YearMonth.from(moment.atZone(Dashboards.AMSTERDAM)).toString()
                            : Dashboards.schoolYear(moment.atZone(Dashboards.AMSTERDAM).toLocalDate())).equals(row.period());
                    put(truth, shown, key + "/signals", (int) signals.stream().filter(s -> scope.schoolIds().contains(s.schoolId()) && in.test(s.recordedAt())).count(), row.signalsRecorded());
                    put(truth, shown, key + "/incidents", (int) incidents.stream().filter(i -> scope.schoolIds().contains(i.schoolId()) && in.test(i.occurredAt())).count(), row.incidents());
                    put(truth, shown, key + "/opened", (int) cases.stream().filter(c -> scope.schoolIds().contains(c.schoolId()) && in.test(c.openedAt())).count(), row.casesOpened());
                    signalRows.add(key + "/signals");
                    incidentRows.add(key + "/incidents");
                    openedRows.add(key + "/opened");
                    // the new cells: the month's (or year's) signals by category and incidents by type
                    List<String> categories = new ArrayList<>();
                    for (SignalCategory category : SignalCategory.values()) {
                        String cell = key + "/" + category;
                        put(truth, shown, cell, (int) signals.stream().filter(s -> scope.schoolIds().contains(s.schoolId()) && s.category() == category
                                && in.test(s.recordedAt())).count(), row.signalsByCategory().get(category));
                        categories.add(cell);
                        categoryColumns.computeIfAbsent(category, c -> new ArrayList<>()).add(cell);
                    }
                    equations.add(new Equation(key + "/signals", categories));
                    List<String> types = new ArrayList<>();
                    for (IncidentType type : IncidentType.values()) {
                        String cell = key + "/" + type;
                        put(truth, shown, cell, (int) incidents.stream().filter(i -> scope.schoolIds().contains(i.schoolId()) && i.type() == type
                                && in.test(i.occurredAt())).count(), row.incidentsByType().get(type));
                        types.add(cell);
                        typeColumns.computeIfAbsent(type, t -> new ArrayList<>()).add(cell);
                    }
                    equations.add(new Equation(key + "/incidents", types));
                }
                equations.add(new Equation("total/signals", signalRows));
                equations.add(new Equation("total/incidents", incidentRows));
                equations.add(new Equation("total/opened", openedRows));
                categoryColumns.forEach((category, cells) -> equations.add(new Equation("total/" + category, cells)));
                typeColumns.forEach((type, cells) -> equations.add(new Equation("total/" + type, cells)));
            }
            return new Published(truth, shown, equations);
        }

        private static void put(Map<String, Integer> truth, Map<String, Count> shown, String key, int value, Count count) {
            truth.put(key, value);
            shown.put(key, count);
            assertThat(count.suppressed() || count.value() == value).as(key + " is shown as it is").isTrue();
            assertThat(!count.suppressed() || value > 0).as(key + ": zero is shown").isTrue();
        }

        boolean hidden(String key) {
            return shown.get(key).suppressed();
        }

        /** @return how many hidden small cells were checked */
        int assertNothingSmallDerivable(String run) {
            for (Equation equation : equations) {
                int sum = equation.parts().stream().mapToInt(truth::get).sum();
                assertThat(sum).as(run + ": the published equation of " + equation.total() + " holds").isEqualTo(truth.get(equation.total()));
            }
            List<String> hiddenSmall = truth.keySet().stream()
                    .filter(key -> hidden(key) && truth.get(key) > 0 && truth.get(key) < THRESHOLD).toList();
            for (String cell : hiddenSmall) {
                for (Equation equation : equations) {
                    List<String> members = new ArrayList<>(equation.parts());
                    members.add(equation.total());
                    if (!members.contains(cell)) {
                        continue;
                    }
                    List<String> hidden = members.stream().filter(this::hidden).toList();
                    assertThat(hidden).as(run + ": " + cell + " is not alone hidden in the equation of " + equation.total()).hasSizeGreaterThan(1);
                    if (!hidden(equation.total())) {
                        // every hidden cell is at least 1 (zero is shown); the largest the cell can be is the rest
                        int rest = truth.get(equation.total()) - equation.parts().stream().filter(key -> !hidden(key)).mapToInt(truth::get).sum();
                        assertThat(rest - (hidden.size() - 1)).as(run + ": " + cell + " has two possible values in " + equation.total()).isGreaterThan(1);
                    }
                }
            }
            assertThat(determinedByAllEquations(hiddenSmall)).as(run + ": computable by solving all published equations together").isEmpty();
            return hiddenSmall.size();
        }

        /**
         * The hidden cells whose value the system of all published equations fixes: those whose column is not a
         * combination of the other hidden columns (exact arithmetic modulo a large prime).
         */
        List<String> determinedByAllEquations(List<String> candidates) {
            List<String> hidden = truth.keySet().stream().filter(this::hidden).toList();
            Map<String, Integer> column = new HashMap<>();
            hidden.forEach(key -> column.put(key, column.size()));
            List<long[]> rows = new ArrayList<>();
            for (Equation equation : equations) {
                long[] row = new long[hidden.size()];
                if (hidden(equation.total())) {
                    row[column.get(equation.total())] = 1;
                }
                equation.parts().stream().filter(this::hidden).forEach(part -> row[column.get(part)] = PRIME - 1);
                rows.add(row);
            }
            int full = rank(rows, -1);
            return candidates.stream().filter(cell -> rank(rows, column.get(cell)) < full).toList();
        }

        private static int rank(List<long[]> original, int without) {
            long[][] m = original.stream().map(long[]::clone).toArray(long[][]::new);
            if (without >= 0) {
                for (long[] row : m) {
                    row[without] = 0;
                }
            }
            int rank = 0;
            int columns = m.length == 0 ? 0 : m[0].length;
            for (int c = 0; c < columns && rank < m.length; c++) {
                int pivot = -1;
                for (int r = rank; r < m.length; r++) {
                    if (m[r][c] != 0) {
                        pivot = r;
                        break;
                    }
                }
                if (pivot < 0) {
                    continue;
                }
                long[] swap = m[pivot];
                m[pivot] = m[rank];
                m[rank] = swap;
                long inverse = java.math.BigInteger.valueOf(m[rank][c]).modInverse(java.math.BigInteger.valueOf(PRIME)).longValue();
                for (int r = rank + 1; r < m.length; r++) {
                    if (m[r][c] != 0) {
                        long factor = m[r][c] * inverse % PRIME;
                        for (int k = c; k < columns; k++) {
                            m[r][k] = Math.floorMod(m[r][k] - factor * m[rank][k] % PRIME, PRIME);
                        }
                    }
                }
                rank++;
            }
            return rank;
        }
    }
}
