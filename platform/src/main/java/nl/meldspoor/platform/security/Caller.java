package nl.meldspoor.platform.security;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.staff.StaffGrant;
import nl.meldspoor.api.staff.StaffScope;

/**
 * The authenticated person of a request, in the one role they act in, with the places where the staff
 * directory gives them that role today.
 *
 * @param personId the token's subject: the person id of the staff directory
 * @param grants   the valid grants of {@code role}, never empty
 */
public record Caller(String personId, Role role, List<StaffGrant> grants) {

    public Caller {
        grants = List.copyOf(grants);
    }

    public Actor actor() {
        return new Actor(personId, role);
    }

    /** School ids, cluster ids or {@value StaffScope#BOARD}. */
    public Set<String> scopes() {
        return grants.stream().map(StaffGrant::scope).collect(Collectors.toUnmodifiableSet());
    }

    public boolean hasRole(Role candidate) {
        return role == candidate;
    }

    public boolean holds(String scope) {
        return scopes().contains(scope);
    }

    public boolean isBoardWide() {
        return holds(StaffScope.BOARD);
    }
}
