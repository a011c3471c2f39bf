package nl.meldspoor.web.rapportage;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.meldspoor.web.services.ServiceRefusal;

/** The reporting-service's rapportage as a fixed answer. */
public class FakeRapportageSource implements RapportageSource {

    public volatile ServiceRefusal refusal;

    @Override
    public Map<String, Object> rapportage(String caseId) {
        if (refusal != null) {
            throw refusal;
        }
        return Map.of("caseId", caseId, "schoolId", "school-a", "pupilRef", "lln-7f3a", "status", "OPEN",
                "openedAt", Instant.parse("2026-11-02T08:00:00Z").toString(),
                "concern", Map.of("description", "Blauwe plekken op de armen"),
                "documentation", Map.of("complete", false),
                "steps", List.of(
                        Map.of("step", 1, "name", "Signalen in kaart brengen", "status", "COMPLETE", "missing", List.of(), "toDo", List.of(),
                                "entries", List.of(Map.of("at", "2026-11-02T09:15:00Z", "by", "lk-a (leerkracht)", "summary", "Signaal vastgelegd: thuissituatie"))),
                        Map.of("step", 2, "name", "Collegiale consultatie", "status", "INCOMPLETE",
                                "missing", List.of("Er is geen overleg met een collega, Veilig Thuis of een deskundige vastgelegd."), "toDo", List.of(),
                                "entries", List.of()),
                        Map.of("step", 3, "name", "Gesprek met kind en ouders", "status", "NOT_YET", "missing", List.of(), "toDo", List.of(), "entries", List.of())));
    }
}
