package nl.meldspoor.api.staff;

import java.time.Instant;

/** A change in the board's staff directory, published on {@link nl.meldspoor.api.common.Topics#STAFF}. */
public sealed interface StaffEvent permits StaffRoleGranted, StaffRoleRevoked {

    String personId();

    String administratorId();

    Instant occurredAt();
}
