package nl.meldspoor.signals.access;

import java.util.EnumSet;
import java.util.Set;
import nl.meldspoor.api.common.AccessRule;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.common.RuleViolation;
import nl.meldspoor.platform.security.Caller;

/**
 * Who sees pupils' names (DOMAIN.md §7): the teachers, IB'er, aandachtsfunctionaris and principal of the
 * pupil's school; the IB'er and the principal register and correct pupils, the principal erases a
 * pupil's identity. Nobody above the school sees a name.
 */
public final class RegistryAccess {

    private static final Set<Role> READERS = EnumSet.of(Role.TEACHER, Role.CARE_COORDINATOR, Role.ADVISOR, Role.PRINCIPAL);
    private static final Set<Role> REGISTRARS = EnumSet.of(Role.CARE_COORDINATOR, Role.PRINCIPAL);

    private RegistryAccess() {
    }

    public static void requireReader(Caller caller, String schoolId) {
        require(caller, schoolId, READERS);
    }

    public static void requireRegistrar(Caller caller, String schoolId) {
        require(caller, schoolId, REGISTRARS);
    }

    /** Erasing a pupil's identity is the principal's decision, as end-responsible for the pupil's records. */
    public static void requireEraser(Caller caller, String schoolId) {
        require(caller, schoolId, EnumSet.of(Role.PRINCIPAL));
    }

    private static void require(Caller caller, String schoolId, Set<Role> roles) {
        if (!roles.contains(caller.role())) {
            throw RuleViolation.of(EnumSet.of(Role.CLUSTER_DIRECTOR, Role.BOARD_OFFICER).contains(caller.role())
                    ? AccessRule.AGGREGATES_ONLY : AccessRule.ROLE_NOT_PERMITTED);
        }
        if (!caller.holds(schoolId)) {
            throw RuleViolation.of(AccessRule.NOT_YOUR_SCHOOL);
        }
    }
}
