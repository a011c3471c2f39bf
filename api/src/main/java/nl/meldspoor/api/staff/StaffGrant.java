package nl.meldspoor.api.staff;

import java.time.LocalDate;
import java.util.Objects;
import nl.meldspoor.api.common.Role;

/**
 * One role a person holds at one place of the board.
 *
 * @param scope      school id, cluster id or {@value StaffScope#BOARD} (see {@link StaffScope})
 * @param validUntil last day the role may be used, or {@code null} when it has no end date
 */
public record StaffGrant(Role role, String scope, LocalDate validUntil) {

    public StaffGrant {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(scope, "scope");
    }

    public boolean isValidOn(LocalDate day) {
        return validUntil == null || !day.isAfter(validUntil);
    }

    public boolean sameRoleAndScope(Role otherRole, String otherScope) {
        return role == otherRole && scope.equals(otherScope);
    }
}
