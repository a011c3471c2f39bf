package nl.meldspoor.platform.privacy;

import java.util.EnumSet;
import java.util.Set;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.platform.security.Caller;

/**
 * Who may read free text about pupils (DOMAIN.md §1, §7): staff of the record's school in a role that
 * sees pupils, and an auditor of that school or the whole board until their end date. Cluster directors
 * and board officers see aggregates only, never text.
 */
public final class PersonalDataReaders {

    private static final Set<Role> AGGREGATES_ONLY = EnumSet.of(Role.CLUSTER_DIRECTOR, Role.BOARD_OFFICER);

    private PersonalDataReaders() {
    }

    public static boolean mayRead(Caller caller, String schoolId) {
        if (AGGREGATES_ONLY.contains(caller.role())) {
            return false;
        }
        return caller.holds(schoolId) || (caller.hasRole(Role.AUDITOR) && caller.isBoardWide());
    }
}
