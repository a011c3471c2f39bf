package nl.meldspoor.notifications;

import java.time.Instant;
import java.time.LocalDate;
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
import nl.meldspoor.platform.security.StaffDirectory;

/** A staff directory held in memory for unit tests, loaded or still loading as the test says. */
public class FakeStaffDirectory implements StaffDirectory {

    private final Map<String, List<StaffGrant>> grants = new ConcurrentHashMap<>();
    private volatile boolean loaded = true;

    public FakeStaffDirectory grant(String person, Role role, String scope) {
        return grant(person, role, scope, null);
    }

    public FakeStaffDirectory grant(String person, Role role, String scope, LocalDate validUntil) {
        apply(new StaffRoleGranted(person, role, scope, validUntil, "beheer", Instant.EPOCH));
        return this;
    }

    public FakeStaffDirectory revoke(String person, Role role, String scope) {
        apply(new StaffRoleRevoked(person, role, scope, "beheer", Instant.EPOCH));
        return this;
    }

    public FakeStaffDirectory loading() {
        loaded = false;
        return this;
    }

    @Override
    public List<StaffGrant> grantsOf(String personId) {
        return grants.getOrDefault(personId, List.of());
    }

    @Override
    public Set<String> holders(Role role, String scope) {
        Set<String> holders = new LinkedHashSet<>();
        grants.forEach((person, held) -> {
            if (held.stream().anyMatch(grant -> grant.sameRoleAndScope(role, scope))) {
                holders.add(person);
            }
        });
        return holders;
    }

    @Override
    public boolean isLoaded() {
        return loaded;
    }

    @Override
    public void apply(StaffEvent event) {
        grants.compute(event.personId(), (person, current) -> {
            List<StaffGrant> held = new java.util.ArrayList<>(current == null ? List.of() : current);
            if (event instanceof StaffRoleGranted granted) {
                held.removeIf(grant -> grant.sameRoleAndScope(granted.role(), granted.scope()));
                held.add(granted.grant());
            } else if (event instanceof StaffRoleRevoked revoked) {
                held.removeIf(grant -> grant.sameRoleAndScope(revoked.role(), revoked.scope()));
            }
            return held.isEmpty() ? null : List.copyOf(held);
        });
    }
}
