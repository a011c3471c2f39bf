package nl.meldspoor.reporting.dashboard;

import nl.meldspoor.platform.testing.history.CaseHistoryBuilder;
import nl.meldspoor.platform.testing.history.IncidentHistoryBuilder;
import nl.meldspoor.platform.testing.history.PupilHistoryBuilder;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.meldspoor.api.incident.IncidentType;
import nl.meldspoor.api.incident.Severity;
import nl.meldspoor.api.meldcase.CaseOutcome;
import nl.meldspoor.api.signal.SignalCategory;
import nl.meldspoor.api.signal.SignalFlag;
import nl.meldspoor.reporting.InMemoryMongo;
import nl.meldspoor.reporting.dashboard.counters.CounterQueries;
import nl.meldspoor.reporting.dashboard.counters.DashboardCounters;
import nl.meldspoor.reporting.organisation.Level;
import nl.meldspoor.reporting.organisation.OrganisationProperties.School;
import nl.meldspoor.reporting.organisation.Scope;
import nl.meldspoor.reporting.meldcase.CaseFacts;
import nl.meldspoor.reporting.meldcase.CaseRecord;
import nl.meldspoor.reporting.meldcase.CaseRecords;
import nl.meldspoor.reporting.meldcase.StepDates;
import nl.meldspoor.reporting.rapportage.Documentation;
import nl.meldspoor.reporting.rapportage.StepDocumentation;
import nl.meldspoor.reporting.rapportage.StepStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DashboardsTest {

    private static final School A = new School("school-a", "OBS De Vlinder");
    private static final School B = new School("school-b", "CBS De Regenboog");
    private static final Scope SCHOOL_A = new Scope(Level.SCHOOL, "school-a", "OBS De Vlinder", List.of(A));
    private static final Scope CLUSTER = new Scope(Level.CLUSTER, "cluster-noord", "Cluster Noord", List.of(A, B));
    private static final LocalDate FROM = LocalDate.of(2026, 8, 1);
    private static final LocalDate TO = LocalDate.of(2027, 8, 1);

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final DashboardCounters readModel = CountersOnMongo.on(mongo);
    private final DashboardCounters pupilSignals = readModel;
    private final DashboardCounters incidentRegister = readModel;
    private final Dashboards dashboards = new Dashboards(new CounterQueries(mongo.template()), new DashboardProperties(5),
            InMemoryMongo.clockAt(Instant.parse("2026-12-01T12:00:00Z")));

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    private void record(CaseHistoryBuilder history) {
        history.published().forEach(readModel::apply);
    }

    /** Three cases at school A (one reported, one closed without suspicion), six at school B. */
    private void aTermOfCases() {
        record(CaseHistoryBuilder.openedAt("school-a", Instant.parse("2026-09-07T08:00:00Z")).consultedColleague().talkedToParents(true)
                .suspicionAndUnsafety().reported());
        record(CaseHistoryBuilder.openedAt("school-a", Instant.parse("2026-10-05T08:00:00Z")).askedVeiligThuis().talkedToParents(true)
                .noSuspicion().closed(CaseOutcome.NO_SUSPICION));
        record(CaseHistoryBuilder.openedAt("school-a", Instant.parse("2026-10-12T08:00:00Z")).consultedColleague().talkedToParents(false));
        for (int i = 0; i < 6; i++) {
            record(CaseHistoryBuilder.openedAt("school-b", Instant.parse("2026-11-02T08:00:00Z").plusSeconds(i * 3600L)).askedVeiligThuis());
        }
    }

    @Test
    void aSchoolSeesItsOwnExactFigures() {
        aTermOfCases();
        Dashboard dashboard = dashboards.of(SCHOOL_A, FROM, TO, true);

        assertThat(dashboard.totals().casesOpened()).isEqualTo(Count.of(3));
        assertThat(dashboard.totals().reportsMade()).isEqualTo(Count.of(1));
        assertThat(dashboard.totals().veiligThuisAdvice()).isEqualTo(Count.of(1));
        assertThat(dashboard.totals().closedWithoutSuspicion()).isEqualTo(Count.of(1));
        assertThat(dashboard.totals().documentationComplete().percentage()).isEqualTo(67);
        assertThat(dashboard.totals().medianDaysPerStep().get("1-2").days()).isEqualTo(1.0);
        assertThat(dashboard.perMonth()).extracting(Dashboard.PeriodFigures::period).containsExactly("2026-09", "2026-10");
        assertThat(dashboard.perSchoolYear()).extracting(Dashboard.PeriodFigures::period).containsExactly("2026-2027");
        assertThat(dashboard.perSchool()).isEmpty();
    }

    @Test
    void aboveSchoolLevelSmallCountsAreSuppressed() {
        aTermOfCases();
        Dashboard dashboard = dashboards.of(CLUSTER, FROM, TO, false);

        assertThat(dashboard.totals().casesOpened()).isEqualTo(Count.of(9));
        assertThat(dashboard.totals().veiligThuisAdvice()).isEqualTo(Count.of(7));
        assertThat(dashboard.totals().reportsMade().suppressed()).isTrue();
        assertThat(dashboard.totals().reportsMade().value()).isNull();
        assertThat(dashboard.totals().closedWithoutSuspicion().suppressed()).isTrue();
        Dashboard.SchoolFigures schoolA = dashboard.perSchool().get(0);
        assertThat(schoolA.figures().casesOpened().suppressed()).isTrue();
        assertThat(schoolA.figures().documentationComplete().suppressed()).isTrue();
        Dashboard.SchoolFigures schoolB = dashboard.perSchool().get(1);
        assertThat(schoolB.figures().casesOpened().suppressed())
                .as("9 in total minus school B's 6 would give school A's 3: B is hidden as well").isTrue();
    }

    @Test
    void zeroIsShownEvenAboveSchoolLevel() {
        aTermOfCases();
        Dashboard dashboard = dashboards.of(CLUSTER, FROM, TO, false);
        assertThat(dashboard.totals().helpOrganised()).isEqualTo(Count.of(0));
    }

    @Test
    void overdueDeadlinesAreCountedAtTheEndOfThePeriod() {
        aTermOfCases();
        Dashboard now = dashboards.of(SCHOOL_A, FROM, TO, true);
        assertThat(now.totals().overdueDeadlines()).isEqualTo(Count.of(1));

        Dashboard earlyInSeptember = dashboards.of(SCHOOL_A, FROM, LocalDate.of(2026, 9, 12), true);
        assertThat(earlyInSeptember.totals().overdueDeadlines()).isEqualTo(Count.of(0));
    }

    @Test
    void casesOutsideThePeriodAreNotCounted() {
        aTermOfCases();
        Dashboard lastYear = dashboards.of(SCHOOL_A, LocalDate.of(2025, 8, 1), LocalDate.of(2026, 8, 1), true);
        assertThat(lastYear.totals().casesOpened()).isEqualTo(Count.of(0));
        assertThat(lastYear.perMonth()).isEmpty();
    }

    @Test
    void signalsAreCountedByCategoryUrgencyAndEscalation() {
        PupilHistoryBuilder first = PupilHistoryBuilder.pupil("family-1")
                .signal("school-a", Instant.parse("2026-09-10T08:00:00Z"), SignalCategory.HOME_SITUATION, SignalFlag.DISCLOSURE)
                .signal("school-a", Instant.parse("2026-10-01T08:00:00Z"), SignalCategory.BULLYING)
                .escalatedFirstSignal(Instant.parse("2026-10-02T08:00:00Z"));
        PupilHistoryBuilder second = PupilHistoryBuilder.pupil(null)
                .signal("school-b", Instant.parse("2026-11-03T08:00:00Z"), SignalCategory.SOCIAL_EMOTIONAL)
                .signal("school-a", Instant.parse("2025-06-03T08:00:00Z"), SignalCategory.BULLYING);
        first.published().forEach(pupilSignals::apply);
        second.published().forEach(pupilSignals::apply);

        Dashboard.SignalFigures school = dashboards.of(SCHOOL_A, FROM, TO, true).totals().signals();
        assertThat(school.recorded()).isEqualTo(Count.of(2));
        assertThat(school.byCategory().get(SignalCategory.HOME_SITUATION)).isEqualTo(Count.of(1));
        assertThat(school.byCategory().get(SignalCategory.BULLYING)).isEqualTo(Count.of(1));
        assertThat(school.urgent()).isEqualTo(Count.of(1));
        assertThat(school.escalated()).isEqualTo(Count.of(1));
        Dashboard cluster = dashboards.of(CLUSTER, FROM, TO, false);
        assertThat(cluster.totals().signals().recorded().suppressed()).isTrue();
        assertThat(cluster.perMonth()).extracting(Dashboard.PeriodFigures::signalsRecorded).allMatch(count -> count.suppressed() || count.value() == 0);
    }

    @Test
    void incidentsAreCountedByTypeSeverityAndMeldplicht() {
        IncidentHistoryBuilder.incident("school-a", Instant.parse("2026-09-14T10:00:00Z"), IncidentType.PHYSICAL_VIOLENCE, Severity.SERIOUS)
                .published().forEach(incidentRegister::apply);
        IncidentHistoryBuilder.incident("school-a", Instant.parse("2026-10-14T10:00:00Z"), IncidentType.PHYSICAL_VIOLENCE, Severity.MINOR)
                .published().forEach(incidentRegister::apply);
        IncidentHistoryBuilder.meldplicht("school-b", Instant.parse("2026-10-20T10:00:00Z")).boardInformed(20)
                .published().forEach(incidentRegister::apply);

        Dashboard.IncidentFigures school = dashboards.of(SCHOOL_A, FROM, TO, true).totals().incidents();
        assertThat(school.recorded()).isEqualTo(Count.of(2));
        assertThat(school.byType().get(IncidentType.PHYSICAL_VIOLENCE)).isEqualTo(Count.of(2));
        assertThat(school.serious()).isEqualTo(Count.of(1));
        assertThat(school.meldplicht()).isEqualTo(Count.of(0));
        Dashboard.IncidentFigures cluster = dashboards.of(CLUSTER, FROM, TO, false).totals().incidents();
        assertThat(cluster.recorded().suppressed()).isTrue();
        assertThat(cluster.meldplicht().suppressed()).isTrue();
        assertThat(dashboards.of(SCHOOL_A, FROM, TO, true).perMonth()).extracting(Dashboard.PeriodFigures::incidents)
                .containsExactly(Count.of(1), Count.of(1));
    }

    @Test
    void eachMonthShowsItsSignalsByCategoryAndItsIncidentsByType() {
        PupilHistoryBuilder.pupil("family-1")
                .signal("school-a", Instant.parse("2026-09-10T08:00:00Z"), SignalCategory.HOME_SITUATION)
                .signal("school-a", Instant.parse("2026-09-11T08:00:00Z"), SignalCategory.BULLYING)
                .signal("school-a", Instant.parse("2026-10-01T08:00:00Z"), SignalCategory.BULLYING)
                .published().forEach(pupilSignals::apply);
        IncidentHistoryBuilder.incident("school-a", Instant.parse("2026-10-14T10:00:00Z"), IncidentType.THEFT, Severity.MINOR)
                .published().forEach(incidentRegister::apply);

        Dashboard school = dashboards.of(SCHOOL_A, FROM, TO, true);
        Dashboard.PeriodFigures september = school.perMonth().get(0);
        Dashboard.PeriodFigures october = school.perMonth().get(1);
        assertThat(september.period()).isEqualTo("2026-09");
        assertThat(september.signalsByCategory()).containsEntry(SignalCategory.HOME_SITUATION, Count.of(1))
                .containsEntry(SignalCategory.BULLYING, Count.of(1)).containsEntry(SignalCategory.SOCIAL_EMOTIONAL, Count.of(0));
        assertThat(september.incidentsByType()).containsEntry(IncidentType.THEFT, Count.of(0));
        assertThat(october.signalsByCategory()).containsEntry(SignalCategory.BULLYING, Count.of(1));
        assertThat(october.incidentsByType()).containsEntry(IncidentType.THEFT, Count.of(1)).hasSize(IncidentType.values().length);
        assertThat(school.perSchoolYear().get(0).signalsByCategory()).containsEntry(SignalCategory.BULLYING, Count.of(2));

        Dashboard cluster = dashboards.of(CLUSTER, FROM, TO, false);
        assertThat(cluster.perMonth()).allSatisfy(month -> {
            assertThat(month.signalsByCategory().values()).allMatch(count -> count.suppressed() || count.value() == 0);
            assertThat(month.incidentsByType().values()).allMatch(count -> count.suppressed() || count.value() == 0);
        });
    }

    @Test
    void documentationIsSharedPerStepOverTheCasesThatReachedIt() {
        Instant september = Instant.parse("2026-09-07T08:00:00Z");
        List<CaseRecord> cases = List.of(
                aCase("c1", "school-a", september, StepStatus.COMPLETE, StepStatus.INCOMPLETE, StepStatus.COMPLETE, StepStatus.NOT_YET, StepStatus.NOT_YET),
                aCase("c2", "school-a", september, StepStatus.COMPLETE, StepStatus.COMPLETE, StepStatus.COMPLETE, StepStatus.COMPLETE, StepStatus.IN_PROGRESS),
                aCase("c3", "school-a", september, StepStatus.INCOMPLETE, StepStatus.NOT_YET, StepStatus.NOT_YET, StepStatus.NOT_YET, StepStatus.NOT_YET),
                aCase("c4", "school-a", september, StepStatus.COMPLETE, StepStatus.COMPLETE, StepStatus.COMPLETE, StepStatus.COMPLETE, StepStatus.NOT_APPLICABLE));

        var perStep = dashboards.compute(SCHOOL_A, FROM, TO, true, LegacyFacts.tally(cases, List.of(), List.of())).totals().documentationPerStep();

        assertThat(perStep.keySet()).containsExactly("1", "2", "3", "4", "5");
        assertThat(perStep.get("1")).isEqualTo(new Share(75, Count.of(4), false));
        assertThat(perStep.get("2")).as("c3 did not reach step 2").isEqualTo(new Share(67, Count.of(3), false));
        assertThat(perStep.get("3")).isEqualTo(new Share(100, Count.of(3), false));
        assertThat(perStep.get("4")).isEqualTo(new Share(100, Count.of(2), false));
        assertThat(perStep.get("5")).as("in progress is documented so far; not applicable is not counted").isEqualTo(new Share(100, Count.of(1), false));
    }

    @Test
    void aboveSchoolLevelADocumentationShareOverFewCasesIsHidden() {
        Instant september = Instant.parse("2026-09-07T08:00:00Z");
        List<CaseRecord> cases = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            cases.add(aCase("a" + i, "school-a", september, StepStatus.COMPLETE, StepStatus.COMPLETE,
                    i < 2 ? StepStatus.COMPLETE : StepStatus.NOT_YET, StepStatus.NOT_YET, StepStatus.NOT_YET));
            cases.add(aCase("b" + i, "school-b", september, StepStatus.COMPLETE, StepStatus.COMPLETE,
                    StepStatus.COMPLETE, StepStatus.NOT_YET, StepStatus.NOT_YET));
        }

        Dashboard cluster = dashboards.compute(CLUSTER, FROM, TO, false, LegacyFacts.tally(cases, List.of(), List.of()));

        assertThat(cluster.totals().documentationPerStep().get("2")).isEqualTo(new Share(100, Count.of(12), false));
        assertThat(cluster.perSchool().get(0).figures().documentationPerStep().get("3").suppressed()).as("2 cases of school A reached step 3").isTrue();
        assertThat(cluster.perSchool().get(1).figures().documentationPerStep().get("3").suppressed())
                .as("8 in total minus school B's 6 would give school A's 2").isTrue();
        assertThat(cluster.perSchool().get(0).figures().documentationPerStep().get("2")).isEqualTo(new Share(100, Count.of(6), false));
    }

    private static CaseRecord aCase(String id, String school, Instant openedAt, StepStatus... statuses) {
        List<StepDocumentation> steps = new java.util.ArrayList<>();
        for (int i = 0; i < statuses.length; i++) {
            steps.add(new StepDocumentation(i + 1, "Stap " + (i + 1), statuses[i], List.of(), List.of()));
        }
        Documentation documentation = new Documentation(steps, steps.stream().noneMatch(step -> step.status() == StepStatus.INCOMPLETE));
        return CaseRecords.of(id, school, openedAt, null,
                new CaseFacts(new StepDates(openedAt, null, null, null, null), List.of(), List.of(), List.of(), null, List.of(), documentation));
    }

    @Test
    void schoolYearsRunFromAugustToJuly() {
        assertThat(Dashboards.schoolYear(LocalDate.of(2026, 7, 31))).isEqualTo("2025-2026");
        assertThat(Dashboards.schoolYear(LocalDate.of(2026, 8, 1))).isEqualTo("2026-2027");
    }
}
