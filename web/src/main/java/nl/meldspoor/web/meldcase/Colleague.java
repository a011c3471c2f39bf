package nl.meldspoor.web.meldcase;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A colleague of the school as the case-service's staff directory lists them: the person id (the name the board's staff
 * go by; the directory holds no other name) and their roles at that school.
 */
public record Colleague(String personId, List<String> roles) {

    private static final Map<String, String> DUTCH = Map.of("TEACHER", "leerkracht", "CARE_COORDINATOR", "IB'er",
            "ADVISOR", "aandachtsfunctionaris", "PRINCIPAL", "directeur", "CONFIDANT", "vertrouwenspersoon");

    public Colleague {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    public boolean holdsAny(java.util.Collection<String> wanted) {
        return roles.stream().anyMatch(wanted::contains);
    }

    /** "ib-a (IB'er, aandachtsfunctionaris)": the name and what they are at the school, so one can choose. */
    public String label() {
        return personId + " (" + roles.stream().map(role -> DUTCH.getOrDefault(role, role)).collect(Collectors.joining(", ")) + ")";
    }
}
