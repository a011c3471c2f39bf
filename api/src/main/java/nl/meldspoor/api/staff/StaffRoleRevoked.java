package nl.meldspoor.api.staff;

import java.time.Instant;
import nl.meldspoor.api.common.Role;

/** A person no longer holds a role at a school, cluster or the board. */
public record StaffRoleRevoked(String personId, Role role, String scope, String administratorId, Instant occurredAt)
        implements StaffEvent {
}
