package nl.meldspoor.api.staff;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import nl.meldspoor.api.common.Role;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A board administrator gives a person a role at a school, a cluster or the board. */
public record GrantStaffRole(
        @NotBlank String personId,
        @NotNull Role role,
        @NotBlank String scope,
        LocalDate validUntil,
        @NotBlank String administratorId,
        @NotNull Instant occurredAt) {

    /** Staff members have ids of their own in the event store, apart from cases and pupils. */
    @TargetAggregateIdentifier
    public String staffMemberId() {
        return StaffScope.staffMemberId(personId);
    }
}
