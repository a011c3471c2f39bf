package nl.meldspoor.casework.staff;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.common.RuleViolation;
import nl.meldspoor.api.staff.GrantStaffRole;
import nl.meldspoor.api.staff.RevokeStaffRole;
import nl.meldspoor.api.staff.StaffGrant;
import nl.meldspoor.api.staff.StaffRoleGranted;
import nl.meldspoor.api.staff.StaffRoleRevoked;
import nl.meldspoor.api.staff.StaffRule;
import nl.meldspoor.api.staff.StaffScope;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One person in the board's staff directory: the roles they hold and where (DOMAIN.md §1). The
 * identity provider says who someone is; this says what they may do.
 */
@Aggregate
class StaffMember {

    private static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Amsterdam");

    @AggregateIdentifier
    private String staffMemberId;
    private final List<StaffGrant> grants = new ArrayList<>();

    StaffMember() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(GrantStaffRole command) {
        requireScopeFits(command.role(), command.scope());
        LocalDate today = LocalDate.ofInstant(command.occurredAt(), SCHOOL_ZONE);
        if (command.role() == Role.AUDITOR && command.validUntil() == null) {
            throw RuleViolation.of(StaffRule.AUDITOR_NEEDS_END_DATE, "validUntil");
        }
        if (command.validUntil() != null && command.validUntil().isBefore(today)) {
            throw RuleViolation.of(StaffRule.END_DATE_IN_PAST, "validUntil");
        }
        StaffGrant wanted = new StaffGrant(command.role(), command.scope(), command.validUntil());
        if (grants.contains(wanted)) {
            throw RuleViolation.of(StaffRule.ALREADY_GRANTED);
        }
        apply(new StaffRoleGranted(command.personId(), command.role(), command.scope(), command.validUntil(),
                command.administratorId(), command.occurredAt()));
    }

    @CommandHandler
    void handle(RevokeStaffRole command) {
        if (grants.stream().noneMatch(grant -> grant.sameRoleAndScope(command.role(), command.scope()))) {
            throw RuleViolation.of(StaffRule.NOT_GRANTED);
        }
        apply(new StaffRoleRevoked(command.personId(), command.role(), command.scope(), command.administratorId(), command.occurredAt()));
    }

    private static void requireScopeFits(Role role, String scope) {
        boolean board = StaffScope.isBoard(scope);
        switch (StaffScope.kindFor(role)) {
            case BOARD -> {
                if (!board) {
                    throw RuleViolation.of(StaffRule.BOARD_SCOPE_REQUIRED, "scope");
                }
            }
            case SCHOOL -> {
                if (board) {
                    throw RuleViolation.of(StaffRule.SCHOOL_SCOPE_REQUIRED, "scope");
                }
            }
            case CLUSTER -> {
                if (board) {
                    throw RuleViolation.of(StaffRule.CLUSTER_SCOPE_REQUIRED, "scope");
                }
            }
            case SCHOOL_OR_BOARD -> {
                // an auditor looks at one school or at the whole board
            }
        }
    }

    @EventSourcingHandler
    void on(StaffRoleGranted event) {
        staffMemberId = StaffScope.staffMemberId(event.personId());
        grants.removeIf(grant -> grant.sameRoleAndScope(event.role(), event.scope()));
        grants.add(event.grant());
    }

    @EventSourcingHandler
    void on(StaffRoleRevoked event) {
        grants.removeIf(grant -> grant.sameRoleAndScope(event.role(), event.scope()));
    }
}
