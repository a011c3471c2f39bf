package nl.meldspoor.casework.staff;

import static nl.meldspoor.platform.testing.Violations.violates;

import java.time.Instant;
import java.time.LocalDate;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.staff.GrantStaffRole;
import nl.meldspoor.api.staff.RevokeStaffRole;
import nl.meldspoor.api.staff.StaffRoleGranted;
import nl.meldspoor.api.staff.StaffRoleRevoked;
import nl.meldspoor.api.staff.StaffRule;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StaffMemberTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final String ADMIN = "admin-bestuur";

    private FixtureConfiguration<StaffMember> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(StaffMember.class);
    }

    private static GrantStaffRole grant(Role role, String scope, LocalDate validUntil) {
        return new GrantStaffRole("ib-anna", role, scope, validUntil, ADMIN, NOW);
    }

    private static StaffRoleGranted granted(Role role, String scope, LocalDate validUntil) {
        return new StaffRoleGranted("ib-anna", role, scope, validUntil, ADMIN, NOW);
    }

    @Test
    void aRoleIsGrantedAtASchool() {
        fixture.givenNoPriorActivity()
                .when(grant(Role.CARE_COORDINATOR, "school-a", null))
                .expectEvents(granted(Role.CARE_COORDINATOR, "school-a", null));
    }

    @Test
    void anAuditorNeedsAnEndDate() {
        fixture.givenNoPriorActivity()
                .when(grant(Role.AUDITOR, "board", null))
                .expectException(violates(StaffRule.AUDITOR_NEEDS_END_DATE))
                .expectNoEvents();
    }

    @Test
    void anEndDateInThePastIsRefused() {
        fixture.givenNoPriorActivity()
                .when(grant(Role.AUDITOR, "school-a", LocalDate.parse("2026-11-22")))
                .expectException(violates(StaffRule.END_DATE_IN_PAST))
                .expectNoEvents();
    }

    @Test
    void aBoardOfficerIsBoardWide() {
        fixture.givenNoPriorActivity()
                .when(grant(Role.BOARD_OFFICER, "school-a", null))
                .expectException(violates(StaffRule.BOARD_SCOPE_REQUIRED))
                .expectNoEvents();
    }

    @Test
    void aSchoolRoleIsNotBoardWide() {
        fixture.givenNoPriorActivity()
                .when(grant(Role.PRINCIPAL, "board", null))
                .expectException(violates(StaffRule.SCHOOL_SCOPE_REQUIRED))
                .expectNoEvents();
    }

    @Test
    void grantingTheSameRoleTwiceIsRefusedButANewEndDateIsAccepted() {
        LocalDate end = LocalDate.parse("2027-06-30");
        fixture.given(granted(Role.AUDITOR, "school-a", end))
                .when(grant(Role.AUDITOR, "school-a", end))
                .expectException(violates(StaffRule.ALREADY_GRANTED));
        fixture.given(granted(Role.AUDITOR, "school-a", end))
                .when(grant(Role.AUDITOR, "school-a", end.plusMonths(1)))
                .expectEvents(granted(Role.AUDITOR, "school-a", end.plusMonths(1)));
    }

    @Test
    void aRoleIsRevokedOnlyWhereItIsHeld() {
        fixture.given(granted(Role.TEACHER, "school-a", null))
                .when(new RevokeStaffRole("ib-anna", Role.TEACHER, "school-a", ADMIN, NOW))
                .expectEvents(new StaffRoleRevoked("ib-anna", Role.TEACHER, "school-a", ADMIN, NOW));
        fixture.given(granted(Role.TEACHER, "school-a", null))
                .when(new RevokeStaffRole("ib-anna", Role.TEACHER, "school-b", ADMIN, NOW))
                .expectException(violates(StaffRule.NOT_GRANTED))
                .expectNoEvents();
    }
}
