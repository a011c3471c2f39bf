package nl.meldspoor.platform.security;

import java.util.EnumSet;
import java.util.Set;
import nl.meldspoor.api.common.AccessRule;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.common.RuleViolation;

/**
 * Who may read a case (DOMAIN.md §1, §7): the IB'er, the aandachtsfunctionaris and the principal of
 * the case's school, the advisor of the paired school named in the case team, an auditor of the school
 * or the board until their end date, and — for the state only, not the whole timeline — a teacher
 * added to the case. Cluster directors, board officers and confidants see aggregates only.
 */
public final class CaseReaders {

    private static final Set<Role> SCHOOL_READERS = EnumSet.of(Role.CARE_COORDINATOR, Role.ADVISOR, Role.PRINCIPAL);

    private CaseReaders() {
    }

    public static void requireStateReader(Caller caller, CaseAccess latest) {
        if (caller.hasRole(Role.TEACHER) && caller.holds(latest.schoolId()) && latest.teachers().contains(caller.personId())) {
            return;
        }
        requireTimelineReader(caller, latest);
    }

    public static void requireTimelineReader(Caller caller, CaseAccess latest) {
        if (caller.hasRole(Role.AUDITOR)) {
            requireScope(caller.holds(latest.schoolId()) || caller.isBoardWide());
            return;
        }
        if (!SCHOOL_READERS.contains(caller.role())) {
            throw RuleViolation.of(caller.role() == Role.TEACHER ? AccessRule.ROLE_NOT_PERMITTED : AccessRule.AGGREGATES_ONLY);
        }
        boolean pairedAdvisor = caller.hasRole(Role.ADVISOR) && latest.team() != null
                && caller.personId().equals(latest.team().advisorId()) && caller.holds(latest.team().advisorSchoolId());
        requireScope(caller.holds(latest.schoolId()) || pairedAdvisor);
    }

    private static void requireScope(boolean permitted) {
        if (!permitted) {
            throw RuleViolation.of(AccessRule.NOT_YOUR_SCHOOL);
        }
    }
}
