package nl.meldspoor.web.staff;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nl.meldspoor.web.services.ServiceRefusal;
import nl.meldspoor.web.services.StaffRole;

/** The case-service's staff directory as the pages see it: its administrators, the roles it holds, and a refusal of the next change. */
public class FakeStaffAdministration implements StaffAdministration {

    public final Set<String> administrators = ConcurrentHashMap.newKeySet();
    public final Map<String, List<StaffRole>> roles = new ConcurrentHashMap<>();
    public final List<String> changes = new ArrayList<>();
    public volatile ServiceRefusal refusal;

    public void reset() {
        administrators.clear();
        administrators.add("beheer-bestuur");
        roles.clear();
        roles.put("lk-a", new ArrayList<>(List.of(new StaffRole("TEACHER", "school-a", null))));
        changes.clear();
        refusal = null;
    }

    @Override
    public boolean isAdministrator(String personId) {
        return administrators.contains(personId);
    }

    @Override
    public Person person(String personId) {
        return new Person(personId, List.copyOf(roles.getOrDefault(personId, List.of())));
    }

    @Override
    public List<Person> atScope(String scope) {
        return roles.entrySet().stream()
                .filter(entry -> entry.getValue().stream().anyMatch(role -> role.scope().equals(scope)))
                .map(entry -> new Person(entry.getKey(), entry.getValue().stream().filter(role -> role.scope().equals(scope)).toList()))
                .toList();
    }

    @Override
    public void grant(String personId, String role, String scope, LocalDate validUntil) {
        refuseOnce();
        changes.add("grant " + personId + " " + role + " " + scope + " " + validUntil);
        roles.computeIfAbsent(personId, key -> new ArrayList<>()).add(new StaffRole(role, scope, validUntil));
    }

    @Override
    public void revoke(String personId, String role, String scope) {
        refuseOnce();
        changes.add("revoke " + personId + " " + role + " " + scope);
        roles.getOrDefault(personId, new ArrayList<>()).removeIf(held -> held.role().equals(role) && held.scope().equals(scope));
    }

    private void refuseOnce() {
        ServiceRefusal next = refusal;
        refusal = null;
        if (next != null) {
            throw next;
        }
    }
}
