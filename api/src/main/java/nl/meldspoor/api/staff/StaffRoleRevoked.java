package nl.meldspoor.api.staff;

import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import nl.meldspoor.api.common.Identifiers;
import nl.meldspoor.api.common.Role;

/** A person no longer holds a role at a school, cluster or the board. */
public record StaffRoleRevoked(
        @Pattern(regexp = Identifiers.PERSON_ID)
        String personId,
        Role role,
        @Pattern(regexp = Identifiers.STAFF_SCOPE)
        String scope,
        @Pattern(regexp = Identifiers.PERSON_ID)
        String administratorId,
        Instant occurredAt) implements StaffEvent {
}
