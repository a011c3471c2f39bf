package nl.meldspoor.signals.incident;

import java.util.EnumSet;
import java.util.Set;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.common.RuleViolation;
import nl.meldspoor.api.incident.MeldplichtStep;
import nl.meldspoor.api.incident.ProtocolTrack;
import nl.meldspoor.api.incident.UnsafeBehaviourAction;

/**
 * Who may do what with an incident (DOMAIN.md §1, §3). Staff, the confidant and the board officer
 * record incidents; school staff handle the bullying and unsafe-behaviour protocols, where a time-out,
 * suspension or expulsion is a decision of the directie; whoever learns of a sexual offence by a staff
 * member tells the board, and from then on the board officer handles the meldplicht. Which school a
 * person belongs to is checked where people are authenticated.
 */
final class IncidentPermissions {

    private static final Set<Role> SCHOOL_STAFF = EnumSet.of(Role.TEACHER, Role.CARE_COORDINATOR, Role.ADVISOR, Role.PRINCIPAL);
    private static final Set<Role> RECORDERS = EnumSet.of(Role.TEACHER, Role.CARE_COORDINATOR, Role.ADVISOR, Role.PRINCIPAL,
            Role.CONFIDANT, Role.BOARD_OFFICER);

    private IncidentPermissions() {
    }

    static void requireMayRecord(Actor actor) {
        require(RECORDERS.contains(actor.role()), IncidentRule.ROLE_NOT_PERMITTED);
    }

    /** Telling the parents, bullying steps, unsafe-behaviour actions and closing outside the meldplicht. */
    static void requireSchoolStaff(Actor actor) {
        require(SCHOOL_STAFF.contains(actor.role()), IncidentRule.ROLE_NOT_PERMITTED);
    }

    static void requireMayTake(UnsafeBehaviourAction action, Actor actor) {
        requireSchoolStaff(actor);
        if (action == UnsafeBehaviourAction.TIME_OUT_SUSPENSION_EXPULSION) {
            require(actor.hasRole(Role.PRINCIPAL), IncidentRule.ONLY_PRINCIPAL_DECIDES_EXCLUSION);
        }
    }

    static void requireMayTake(MeldplichtStep step, Actor actor) {
        if (step == MeldplichtStep.BOARD_INFORMED) {
            requireMayRecord(actor);
        } else {
            require(actor.hasRole(Role.BOARD_OFFICER), IncidentRule.ONLY_BOARD_OFFICER);
        }
    }

    static void requireMayClose(ProtocolTrack track, Actor actor) {
        if (track == ProtocolTrack.MELDPLICHT) {
            require(actor.hasRole(Role.BOARD_OFFICER), IncidentRule.ONLY_BOARD_OFFICER);
        } else {
            requireSchoolStaff(actor);
        }
    }

    private static void require(boolean permitted, IncidentRule rule) {
        if (!permitted) {
            throw RuleViolation.of(rule);
        }
    }
}
