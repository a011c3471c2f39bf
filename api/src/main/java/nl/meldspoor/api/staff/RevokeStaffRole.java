package nl.meldspoor.api.staff;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import nl.meldspoor.api.common.Role;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A board administrator takes a role away, for instance when someone leaves the school. */
public record RevokeStaffRole(
        @NotBlank String personId,
        @NotNull Role role,
        @NotBlank String scope,
        @NotBlank String administratorId,
        @NotNull Instant occurredAt) {

    /** Staff members have ids of their own in the event store, apart from cases and pupils. */
    @TargetAggregateIdentifier
    public String staffMemberId() {
        return StaffScope.staffMemberId(personId);
    }
}
