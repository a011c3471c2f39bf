package nl.meldspoor.casework.staff.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.meldspoor.api.common.AccessRule;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.common.RuleViolation;
import nl.meldspoor.api.staff.StaffEvent;
import nl.meldspoor.api.staff.StaffGrant;
import nl.meldspoor.casework.staff.web.SchoolStaffEndpoint.Colleague;
import nl.meldspoor.platform.security.Caller;
import nl.meldspoor.platform.security.StaffDirectory;
import org.junit.jupiter.api.Test;

class SchoolStaffEndpointTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T09:00:00Z"), ZoneOffset.UTC);

    private record Held(String personId, StaffGrant grant) {
    }

    private final List<Held> held = new ArrayList<>(List.of(
            new Held("ib-a", new StaffGrant(Role.CARE_COORDINATOR, "school-a", null)),
            new Held("ib-a", new StaffGrant(Role.ADVISOR, "school-a", null)),
            new Held("dir-a", new StaffGrant(Role.PRINCIPAL, "school-a", null)),
            new Held("lk-a", new StaffGrant(Role.TEACHER, "school-a", null)),
            new Held("lk-weg", new StaffGrant(Role.TEACHER, "school-a", LocalDate.of(2026, 11, 30))),
            new Held("af-b", new StaffGrant(Role.ADVISOR, "school-b", null)),
            new Held("cd-noord", new StaffGrant(Role.CLUSTER_DIRECTOR, "cluster-noord", null))));

    private final StaffDirectory directory = new StaffDirectory() {
        @Override
        public List<StaffGrant> grantsOf(String personId) {
            return held.stream().filter(h -> h.personId().equals(personId)).map(Held::grant).toList();
        }

        @Override
        public Set<String> holders(Role role, String scope) {
            return held.stream().filter(h -> h.grant().sameRoleAndScope(role, scope)).map(Held::personId).collect(Collectors.toSet());
        }

        @Override
        public boolean isLoaded() {
            return true;
        }

        @Override
        public void apply(StaffEvent event) {
        }
    };

    private final SchoolStaffEndpoint endpoint = new SchoolStaffEndpoint(directory, CLOCK);

    private Caller caller(String personId, Role role) {
        return new Caller(personId, role, directory.grantsOf(personId));
    }

    @Test
    void theIbErOfTheSchoolGetsTheCurrentColleaguesWithTheirRolesThere() {
        List<Colleague> colleagues = endpoint.colleagues(caller("ib-a", Role.CARE_COORDINATOR), "school-a");

        assertThat(colleagues).containsExactly(
                new Colleague("dir-a", List.of(Role.PRINCIPAL)),
                new Colleague("ib-a", List.of(Role.CARE_COORDINATOR, Role.ADVISOR)),
                new Colleague("lk-a", List.of(Role.TEACHER)));
    }

    @Test
    void staffOfAnotherSchoolAreRefusedAlsoThePairedAdvisor() {
        assertThatThrownBy(() -> endpoint.colleagues(caller("af-b", Role.ADVISOR), "school-a"))
                .isInstanceOfSatisfying(RuleViolation.class, refusal -> assertThat(refusal.rule()).isEqualTo(AccessRule.NOT_YOUR_SCHOOL));
    }

    @Test
    void aClusterDirectorIsRefusedNoNamesAboveSchoolLevel() {
        assertThatThrownBy(() -> endpoint.colleagues(caller("cd-noord", Role.CLUSTER_DIRECTOR), "school-a"))
                .isInstanceOf(RuleViolation.class);
    }

    @Test
    void aTeacherWhoseRoleHasEndedIsRefused() {
        assertThatThrownBy(() -> endpoint.colleagues(caller("lk-weg", Role.TEACHER), "school-a")).isInstanceOf(RuleViolation.class);
    }
}
