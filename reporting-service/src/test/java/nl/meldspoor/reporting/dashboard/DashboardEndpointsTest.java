package nl.meldspoor.reporting.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.staff.StaffGrant;
import nl.meldspoor.api.staff.StaffScope;
import nl.meldspoor.platform.security.Caller;
import nl.meldspoor.platform.testing.history.IncidentHistoryBuilder;
import nl.meldspoor.reporting.InMemoryMongo;
import nl.meldspoor.reporting.dashboard.counters.CounterQueries;
import nl.meldspoor.reporting.dashboard.counters.DashboardCounters;
import nl.meldspoor.reporting.organisation.Organisation;
import nl.meldspoor.reporting.organisation.OrganisationProperties;
import nl.meldspoor.reporting.organisation.OrganisationProperties.Cluster;
import nl.meldspoor.reporting.organisation.OrganisationProperties.School;
import nl.meldspoor.reporting.organisation.OrganisationProperties.Unit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Who sees exact figures on a school's dashboard, and which periods may be asked for above the school. */
class DashboardEndpointsTest {

    private static final Caller PRINCIPAL_A = caller("dir-a", Role.PRINCIPAL, "school-a");
    private static final Caller CLUSTER_DIRECTOR = caller("cd-noord", Role.CLUSTER_DIRECTOR, "cluster-noord");
    private static final Caller BOARD_OFFICER = caller("bo-bestuur", Role.BOARD_OFFICER, StaffScope.BOARD);

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final DashboardCounters incidentRegister = CountersOnMongo.on(mongo);
    private final Organisation organisation = new Organisation(new OrganisationProperties(new Unit("bestuur", "Bestuur"), List.of(
            new Cluster("cluster-noord", "Cluster Noord", List.of(new School("school-a", "OBS De Vlinder"), new School("school-b", "CBS De Regenboog"))))));
    private final java.time.Clock clock = InMemoryMongo.clockAt(Instant.parse("2026-12-01T12:00:00Z"));
    private final DashboardEndpoints endpoints = new DashboardEndpoints(new Dashboards(new CounterQueries(mongo.template()),
            new DashboardProperties(5), clock), organisation, clock);

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    private static Caller caller(String person, Role role, String scope) {
        return new Caller(person, role, List.of(new StaffGrant(role, scope, null)));
    }

    private void oneMeldplichtIncidentAtSchoolA() {
        IncidentHistoryBuilder.meldplicht("school-a", Instant.parse("2026-10-20T10:00:00Z")).boardInformed(20)
                .published().forEach(incidentRegister::apply);
    }

    private Dashboard dashboard(Caller caller, String level, String id) {
        ResponseEntity<?> response = endpoints.dashboard(caller, level, id, null, null, null);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return (Dashboard) response.getBody();
    }

    @Test
    void aClusterDirectorAndABoardOfficerGetSuppressedFiguresOnASchoolsDashboardWhileItsPrincipalGetsExactOnes() {
        oneMeldplichtIncidentAtSchoolA();

        assertThat(dashboard(PRINCIPAL_A, "school", "school-a").totals().incidents().meldplicht()).isEqualTo(new Count(1, false));
        for (Caller above : List.of(CLUSTER_DIRECTOR, BOARD_OFFICER)) {
            Dashboard.IncidentFigures figures = dashboard(above, "school", "school-a").totals().incidents();
            assertThat(figures.meldplicht()).as(above.role().name()).isEqualTo(new Count(null, true));
            assertThat(figures.recorded()).as(above.role().name()).isEqualTo(new Count(null, true));
        }
    }

    @Test
    void aboveTheSchoolOnlyWholeMonthsTermsAndSchoolYearsMayBeAskedFor() {
        ResponseEntity<?> day = endpoints.dashboard(CLUSTER_DIRECTOR, "cluster", "cluster-noord", null,
                LocalDate.of(2026, 10, 20), LocalDate.of(2026, 10, 21));
        assertThat(day.getStatusCode().value()).isEqualTo(400);
        ProblemDetail problem = (ProblemDetail) day.getBody();
        assertThat(problem.getProperties()).containsEntry("rule", "PERIOD_NOT_WHOLE");
        @SuppressWarnings("unchecked")
        List<Map<String, String>> errors = (List<Map<String, String>>) problem.getProperties().get("errors");
        assertThat(errors).extracting(error -> error.get("field")).containsExactly("from", "to");

        ResponseEntity<?> onASchool = endpoints.dashboard(BOARD_OFFICER, "school", "school-a", null, LocalDate.of(2026, 10, 20), null);
        assertThat(onASchool.getStatusCode().value()).as("the school's dashboard for someone above it too").isEqualTo(400);
        assertThat(endpoints.dashboard(BOARD_OFFICER, "board", "bestuur", "2026-10-20", null, null).getStatusCode().value()).isEqualTo(400);

        assertThat(period(endpoints.dashboard(BOARD_OFFICER, "board", "bestuur", "2026-09", null, null)))
                .containsExactly(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 1));
        assertThat(period(endpoints.dashboard(BOARD_OFFICER, "board", "bestuur", "2025-2026", null, null)))
                .containsExactly(LocalDate.of(2025, 8, 1), LocalDate.of(2026, 8, 1));
        assertThat(period(endpoints.dashboard(BOARD_OFFICER, "board", "bestuur", "2026-2027-T1", null, null)))
                .containsExactly(LocalDate.of(2026, 8, 1), LocalDate.of(2027, 1, 1));
        assertThat(period(endpoints.dashboard(BOARD_OFFICER, "board", "bestuur", "2026-2027-T2", null, null)))
                .containsExactly(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 4, 1));
        assertThat(period(endpoints.dashboard(BOARD_OFFICER, "board", "bestuur", "2026-2027-T3", null, null)))
                .containsExactly(LocalDate.of(2027, 4, 1), LocalDate.of(2027, 8, 1));
        assertThat(period(endpoints.dashboard(CLUSTER_DIRECTOR, "cluster", "cluster-noord", null, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 12, 1))))
                .containsExactly(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 12, 1));
        assertThat(period(endpoints.dashboard(CLUSTER_DIRECTOR, "cluster", "cluster-noord", null, null, null)))
                .as("default: the current school year").containsExactly(LocalDate.of(2026, 8, 1), LocalDate.of(2027, 8, 1));
    }

    @Test
    void theSchoolsOwnStaffMayKeepAnyWindow() {
        oneMeldplichtIncidentAtSchoolA();
        ResponseEntity<?> day = endpoints.dashboard(PRINCIPAL_A, "school", "school-a", null, LocalDate.of(2026, 10, 20), LocalDate.of(2026, 10, 21));
        assertThat(day.getStatusCode().value()).isEqualTo(200);
        assertThat(((Dashboard) day.getBody()).totals().incidents().meldplicht()).isEqualTo(new Count(1, false));
    }

    private static List<LocalDate> period(ResponseEntity<?> response) {
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        Dashboard dashboard = (Dashboard) response.getBody();
        return List.of(dashboard.from(), dashboard.to());
    }
}
