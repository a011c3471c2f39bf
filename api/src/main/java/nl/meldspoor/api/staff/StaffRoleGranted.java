package nl.meldspoor.api.staff;

import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.time.LocalDate;
import nl.meldspoor.api.common.Identifiers;
import nl.meldspoor.api.common.Role;

/**
 * A person holds a role at a school, cluster or the board from now on, until {@code validUntil} when
 * it has one. Granting a role that is held already with another end date replaces the end date.
 */
public record StaffRoleGranted(
        @Pattern(regexp = Identifiers.PERSON_ID)
        String personId,
        Role role,
        @Pattern(regexp = Identifiers.STAFF_SCOPE)
        String scope,
        LocalDate validUntil,
        @Pattern(regexp = Identifiers.PERSON_ID)
        String administratorId,
        Instant occurredAt) implements StaffEvent {

    public StaffGrant grant() {
        return new StaffGrant(role, scope, validUntil);
    }
}
