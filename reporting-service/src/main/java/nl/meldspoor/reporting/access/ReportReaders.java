package nl.meldspoor.reporting.access;

import java.util.EnumSet;
import java.util.Set;
import nl.meldspoor.api.common.AccessRule;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.common.RuleViolation;
import nl.meldspoor.platform.security.Caller;
import nl.meldspoor.reporting.organisation.Level;
import nl.meldspoor.reporting.organisation.Organisation;
import nl.meldspoor.reporting.organisation.Scope;

/**
 * Need-to-know on the read side (DOMAIN.md §1, §7). Pupil-level read models — a school's cases, a
 * pupil's signals, the incident register — are for the staff of that school who work with them, and
 * for an auditor until their end date; cluster directors and board officers get aggregates only.
 * Dashboards: the school's own staff for their school, a cluster director for the cluster and its
 * schools, board officers and board-wide auditors for everything.
 */
public final class ReportReaders {

    private static final Set<Role> CASE_READERS = EnumSet.of(Role.CARE_COORDINATOR, Role.ADVISOR, Role.PRINCIPAL);
    private static final Set<Role> INCIDENT_READERS = EnumSet.of(Role.CARE_COORDINATOR, Role.ADVISOR, Role.PRINCIPAL, Role.CONFIDANT);
    private static final Set<Role> SCHOOL_STAFF = EnumSet.of(Role.CARE_COORDINATOR, Role.ADVISOR, Role.PRINCIPAL, Role.CONFIDANT);
    private static final Set<Role> AGGREGATE_ROLES = EnumSet.of(Role.CLUSTER_DIRECTOR, Role.BOARD_OFFICER);

    private ReportReaders() {
    }

    /** A school's list of meldcode cases. */
    public static void requireCaseListReader(Caller caller, String schoolId) {
        requirePupilLevel(caller, schoolId, CASE_READERS, true);
    }

    /** A pupil's signals at a school. */
    public static void requirePupilSignalReader(Caller caller, String schoolId) {
        requirePupilLevel(caller, schoolId, CASE_READERS, false);
    }

    /** A school's incident register and its CSV export. */
    public static void requireIncidentRegisterReader(Caller caller, String schoolId) {
        requirePupilLevel(caller, schoolId, INCIDENT_READERS, true);
    }

    /**
     * Whether the register shows the reader every meldplicht incident (a suspected sexual offence by staff): the board's
     * contact person and an auditor do; the school's own staff see only those they recorded, as any of them may be the
     * suspect (DOMAIN.md §7). Mirrors the signal-service's IncidentReaders.
     */
    public static boolean readsEveryMeldplichtIncident(Caller caller) {
        return caller.hasRole(Role.AUDITOR) || (caller.hasRole(Role.BOARD_OFFICER) && caller.isBoardWide());
    }

    /** A school's access log: its principal, and an auditor of the school or the board. */
    public static void requireAccessLogReader(Caller caller, String schoolId) {
        if (caller.hasRole(Role.AUDITOR)) {
            requireScope(caller.holds(schoolId) || caller.isBoardWide());
            return;
        }
        if (!caller.hasRole(Role.PRINCIPAL)) {
            throw RuleViolation.of(AGGREGATE_ROLES.contains(caller.role()) ? AccessRule.AGGREGATES_ONLY : AccessRule.ROLE_NOT_PERMITTED);
        }
        requireScope(caller.holds(schoolId));
    }

    public static void requireDashboardReader(Caller caller, Scope scope, Organisation organisation) {
        boolean permitted = switch (caller.role()) {
            case BOARD_OFFICER -> caller.isBoardWide();
            case AUDITOR -> caller.isBoardWide() || (scope.level() == Level.SCHOOL && caller.holds(scope.id()));
            case CLUSTER_DIRECTOR -> scope.level() == Level.CLUSTER ? caller.holds(scope.id())
                    : scope.level() == Level.SCHOOL && organisation.clusterOf(scope.id()).map(caller::holds).orElse(false);
            case CARE_COORDINATOR, ADVISOR, PRINCIPAL, CONFIDANT -> scope.level() == Level.SCHOOL && caller.holds(scope.id());
            case TEACHER -> throw RuleViolation.of(AccessRule.ROLE_NOT_PERMITTED);
        };
        if (!permitted) {
            throw RuleViolation.of(AccessRule.NOT_YOUR_SCHOOL);
        }
    }

    /**
     * Exact dashboard figures are for the school's own staff on their own school only; a cluster director,
     * board officer or auditor gets suppressed figures there too, as on the cluster and board dashboards.
     */
    public static boolean seesExactFigures(Caller caller, Scope scope) {
        return scope.level() == Level.SCHOOL && SCHOOL_STAFF.contains(caller.role()) && caller.holds(scope.id());
    }

    private static void requirePupilLevel(Caller caller, String schoolId, Set<Role> readers, boolean auditorsToo) {
        if (AGGREGATE_ROLES.contains(caller.role())) {
            throw RuleViolation.of(AccessRule.AGGREGATES_ONLY);
        }
        if (caller.hasRole(Role.AUDITOR) && auditorsToo) {
            requireScope(caller.holds(schoolId) || caller.isBoardWide());
            return;
        }
        if (!readers.contains(caller.role())) {
            throw RuleViolation.of(AccessRule.ROLE_NOT_PERMITTED);
        }
        requireScope(caller.holds(schoolId));
    }

    private static void requireScope(boolean permitted) {
        if (!permitted) {
            throw RuleViolation.of(AccessRule.NOT_YOUR_SCHOOL);
        }
    }
}
