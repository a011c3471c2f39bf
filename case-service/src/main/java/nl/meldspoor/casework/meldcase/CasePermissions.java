package nl.meldspoor.casework.meldcase;

import java.util.EnumSet;
import java.util.Set;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.common.RuleViolation;
import nl.meldspoor.casework.meldcase.state.CaseFile;

/**
 * Who may take which step in a case (DOMAIN.md §1): the IB'er, the aandachtsfunctionaris and the
 * principal run the case; a teacher takes part in steps 1 to 3 of a case they were added to; only the
 * responsible principal approves a report decision. Which school the actor holds their role at comes
 * with each command ({@link nl.meldspoor.api.common.CommandAuthority}) and is checked by the case.
 */
final class CasePermissions {

    private static final Set<Role> CASE_LEADS = EnumSet.of(Role.CARE_COORDINATOR, Role.ADVISOR, Role.PRINCIPAL);

    private CasePermissions() {
    }

    static void requireCaseLead(Actor actor) {
        if (!CASE_LEADS.contains(actor.role())) {
            throw RuleViolation.of(CaseRule.ROLE_NOT_PERMITTED);
        }
    }

    static void requireCaseLeadOrInvolvedTeacher(Actor actor, CaseFile file) {
        if (actor.hasRole(Role.TEACHER)) {
            if (!file.teachers().contains(actor.personId())) {
                throw RuleViolation.of(CaseRule.TEACHER_NOT_INVOLVED);
            }
            return;
        }
        requireCaseLead(actor);
    }

    static void requireResponsiblePrincipal(Actor actor, CaseFile file) {
        if (!actor.hasRole(Role.PRINCIPAL) || !actor.personId().equals(file.team().principalId())) {
            throw RuleViolation.of(CaseRule.ONLY_RESPONSIBLE_PRINCIPAL);
        }
    }

    static boolean isTeamAdvisor(Actor actor, CaseFile file) {
        return actor.hasRole(Role.ADVISOR) && file.team() != null && actor.personId().equals(file.team().advisorId());
    }

    static boolean isResponsiblePrincipal(Actor actor, CaseFile file) {
        return actor.hasRole(Role.PRINCIPAL) && actor.personId().equals(file.team().principalId());
    }
}
