package nl.meldspoor.casework.staff.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nl.meldspoor.api.common.AccessRule;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.common.RuleViolation;
import nl.meldspoor.platform.security.Caller;
import nl.meldspoor.platform.security.StaffDirectory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The colleagues of one school with their roles there, so the school's staff can pick a casemanager, aandachtsfunctionaris,
 * directeur or teacher by name instead of typing a person id. Narrow on purpose: only staff acting in a role at that very
 * school may ask, and only that school's roles are listed (no other scopes, no end dates). It names staff, not pupils, so
 * it is not written to the access log (which records who looked at pupil and case data).
 */
@RestController
@Tag(name = "Personeelsbestand", description = "Wie welke rol heeft op welke school, in welk cluster of voor het bestuur")
class SchoolStaffEndpoint {

    static final Set<Role> SCHOOL_ROLES = EnumSet.of(Role.TEACHER, Role.CARE_COORDINATOR, Role.ADVISOR, Role.PRINCIPAL, Role.CONFIDANT);

    private final StaffDirectory directory;
    private final Clock clock;

    SchoolStaffEndpoint(StaffDirectory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /** One colleague: the person id (the name the board's staff go by) and their roles at the school today. */
    record Colleague(String personId, List<Role> roles) {
    }

    @GetMapping("/api/schools/{schoolId}/staff")
    @Operation(summary = "De collega's van je school met hun rollen daar (alleen voor medewerkers van die school)",
            description = "Voor het kiezen van casemanager, aandachtsfunctionaris, directeur of leerkracht. Alleen wie in een rol van "
                    + "deze school handelt, krijgt antwoord; andere scholen, clusters en het bestuur niet.")
    List<Colleague> colleagues(Caller caller, @PathVariable @Pattern(regexp = StaffEndpoints.ID_PATTERN) String schoolId) {
        LocalDate today = LocalDate.now(clock);
        boolean ofThisSchool = SCHOOL_ROLES.contains(caller.role()) && caller.grants().stream()
                .anyMatch(grant -> grant.role() == caller.role() && grant.scope().equals(schoolId) && grant.isValidOn(today));
        if (!ofThisSchool) {
            throw RuleViolation.of(AccessRule.NOT_YOUR_SCHOOL);
        }
        Map<String, List<Role>> byPerson = new TreeMap<>();
        for (Role role : SCHOOL_ROLES) {
            for (String personId : directory.holders(role, schoolId)) {
                // holders() also knows grants past their end date: list only whom one can still pick today
                boolean current = directory.grantsOf(personId).stream()
                        .anyMatch(grant -> grant.sameRoleAndScope(role, schoolId) && grant.isValidOn(today));
                if (current) {
                    byPerson.computeIfAbsent(personId, key -> new ArrayList<>()).add(role);
                }
            }
        }
        return byPerson.entrySet().stream().map(entry -> new Colleague(entry.getKey(), List.copyOf(entry.getValue()))).toList();
    }
}
