package nl.meldspoor.signals.pupil;

import java.util.EnumSet;
import java.util.Set;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.common.RuleViolation;

/**
 * Who may do what in a pupil's file (DOMAIN.md §1): school staff record signals and register the
 * parents' views and requests; the IB'er, AF or principal escalate; the principal or IB'er answer a
 * correction request. Board and cluster roles see aggregates only and record nothing here.
 */
final class PupilFilePermissions {

    private static final Set<Role> SCHOOL_STAFF = EnumSet.of(Role.TEACHER, Role.CARE_COORDINATOR, Role.ADVISOR, Role.PRINCIPAL, Role.CONFIDANT);
    private static final Set<Role> CASE_LEADS = EnumSet.of(Role.CARE_COORDINATOR, Role.ADVISOR, Role.PRINCIPAL);
    private static final Set<Role> DOSSIER_RESPONSIBLE = EnumSet.of(Role.CARE_COORDINATOR, Role.PRINCIPAL);

    private PupilFilePermissions() {
    }

    static void requireSchoolStaff(Actor actor) {
        require(SCHOOL_STAFF.contains(actor.role()), PupilFileRule.ROLE_NOT_PERMITTED);
    }

    static void requireCaseLead(Actor actor) {
        require(CASE_LEADS.contains(actor.role()), PupilFileRule.ROLE_NOT_PERMITTED);
    }

    static void requireDossierResponsible(Actor actor) {
        require(DOSSIER_RESPONSIBLE.contains(actor.role()), PupilFileRule.ROLE_NOT_PERMITTED);
    }

    static void requireMayCorrect(Actor actor, RecordedSignal signal) {
        boolean recorder = actor.personId().equals(signal.original().recordedBy().personId());
        require(recorder || DOSSIER_RESPONSIBLE.contains(actor.role()), PupilFileRule.CORRECTION_NOT_PERMITTED);
    }

    private static void require(boolean permitted, PupilFileRule rule) {
        if (!permitted) {
            throw RuleViolation.of(rule);
        }
    }
}
