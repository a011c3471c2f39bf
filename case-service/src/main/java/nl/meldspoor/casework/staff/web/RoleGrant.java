package nl.meldspoor.casework.staff.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import nl.meldspoor.api.common.Limits;
import nl.meldspoor.api.common.Role;

/**
 * A role to give: at a school (its id), a cluster (its id) or the board ({@code board}).
 *
 * @param validUntil last day the role may be used; required for an auditor
 */
record RoleGrant(
        @NotNull Role role,
        @NotNull @Pattern(regexp = StaffEndpoints.ID_PATTERN, message = "letters, cijfers en . _ : - (1 tot 100 tekens)") @Size(max = Limits.IDENTIFIER, message = Limits.TOO_LONG) String scope,
        LocalDate validUntil) {
}
