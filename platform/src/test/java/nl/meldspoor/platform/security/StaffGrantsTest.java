package nl.meldspoor.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.staff.StaffRoleGranted;
import nl.meldspoor.api.staff.StaffRoleRevoked;
import org.junit.jupiter.api.Test;

class StaffGrantsTest {

    private final StaffGrants grants = new StaffGrants();

    private void grant(String person, Role role, String scope) {
        grants.apply(new StaffRoleGranted(person, role, scope, (LocalDate) null, "beheer", Instant.EPOCH));
    }

    @Test
    void theHoldersOfARoleAreThePeopleGrantedItAtExactlyThatScope() {
        grant("ib-a", Role.CARE_COORDINATOR, "school-a");
        grant("ib-b", Role.CARE_COORDINATOR, "school-b");
        grant("dir-a", Role.PRINCIPAL, "school-a");
        grant("dir-a", Role.CARE_COORDINATOR, "school-a");

        assertThat(grants.holders(Role.CARE_COORDINATOR, "school-a")).containsExactlyInAnyOrder("ib-a", "dir-a");
        assertThat(grants.holders(Role.PRINCIPAL, "school-b")).isEmpty();
    }

    @Test
    void aRevokedRoleNoLongerMakesItsFormerHolderOne() {
        grant("ib-a", Role.CARE_COORDINATOR, "school-a");
        grant("ib-a", Role.TEACHER, "school-a");
        grants.apply(new StaffRoleRevoked("ib-a", Role.CARE_COORDINATOR, "school-a", "beheer", Instant.EPOCH));

        assertThat(grants.holders(Role.CARE_COORDINATOR, "school-a")).isEmpty();
        assertThat(grants.holders(Role.TEACHER, "school-a")).containsExactly("ib-a");
    }
}
