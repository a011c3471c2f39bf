package nl.meldspoor.web.services;

import java.time.LocalDate;
import java.util.Map;

/** One role a person holds at a school, in a cluster or for the board, as the services' staff directory knows it. */
public record StaffRole(String role, String scope, LocalDate validUntil) {

    private static final Map<String, String> DUTCH = Map.of(
            "TEACHER", "leerkracht",
            "CARE_COORDINATOR", "IB'er",
            "ADVISOR", "aandachtsfunctionaris",
            "PRINCIPAL", "directeur",
            "CONFIDANT", "vertrouwenspersoon",
            "CLUSTER_DIRECTOR", "clusterdirectie",
            "BOARD_OFFICER", "bestuur",
            "AUDITOR", "auditor");

    public String roleName() {
        return DUTCH.getOrDefault(role, role);
    }

    public String label() {
        return roleName() + " · " + scope;
    }

    public ActingRole acting() {
        return new ActingRole(role, scope);
    }

    public boolean is(ActingRole acting) {
        return acting != null && role.equals(acting.role()) && scope.equals(acting.scope());
    }
}
