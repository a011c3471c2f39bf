package nl.meldspoor.platform.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.staff.StaffEvent;
import nl.meldspoor.api.staff.StaffGrant;
import nl.meldspoor.api.staff.StaffRoleGranted;
import nl.meldspoor.api.staff.StaffRoleRevoked;

/** The directory's state: the grants per person after every event applied so far, in order. */
class StaffGrants {

    private final Map<String, List<StaffGrant>> grantsByPerson = new ConcurrentHashMap<>();

    List<StaffGrant> of(String personId) {
        return grantsByPerson.getOrDefault(personId, List.of());
    }

    Set<String> holders(Role role, String scope) {
        Set<String> holders = new LinkedHashSet<>();
        grantsByPerson.forEach((person, grants) -> {
            if (grants.stream().anyMatch(grant -> grant.sameRoleAndScope(role, scope))) {
                holders.add(person);
            }
        });
        return holders;
    }

    int people() {
        return grantsByPerson.size();
    }

    void apply(StaffEvent event) {
        grantsByPerson.compute(event.personId(), (person, current) -> {
            List<StaffGrant> grants = new ArrayList<>(current == null ? List.of() : current);
            if (event instanceof StaffRoleGranted granted) {
                grants.removeIf(grant -> grant.sameRoleAndScope(granted.role(), granted.scope()));
                grants.add(granted.grant());
            } else if (event instanceof StaffRoleRevoked revoked) {
                grants.removeIf(grant -> grant.sameRoleAndScope(revoked.role(), revoked.scope()));
            }
            return grants.isEmpty() ? null : List.copyOf(grants);
        });
    }
}
