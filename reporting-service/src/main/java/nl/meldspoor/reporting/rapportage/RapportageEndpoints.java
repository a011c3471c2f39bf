package nl.meldspoor.reporting.rapportage;

import jakarta.servlet.http.HttpServletRequest;
import nl.meldspoor.platform.access.AccessLog;
import nl.meldspoor.api.access.RecordKind;
import nl.meldspoor.platform.security.CaseReaders;
import nl.meldspoor.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import nl.meldspoor.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Rapportage meldcode", description = "Het verslag per zaak, met per stap of het is vastgelegd")
class RapportageEndpoints {

    private final StoredRapportages rapportages;
    private final Clock clock;
    private final AccessLog accessLog;

    RapportageEndpoints(StoredRapportages rapportages, Clock clock, AccessLog accessLog) {
        this.rapportages = rapportages;
        this.clock = clock;
        this.accessLog = accessLog;
    }

    @GetMapping("/api/dossiers/{caseId}/rapportage")
    @Operation(summary = "De rapportage meldcode van een zaak, gegenereerd uit de events")
    ResponseEntity<?> rapportage(Caller caller, HttpServletRequest request, @PathVariable String caseId) {
        return rapportages.of(caseId, clock.instant())
                .<ResponseEntity<?>>map(found -> {
                    CaseReaders.requireTimelineReader(caller, found.access());
                    accessLog.record(caller, found.rapportage().schoolId(), RecordKind.RAPPORTAGE, caseId, request);
                    return ResponseEntity.ok(found.rapportage());
                })
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.problem(HttpStatus.NOT_FOUND, "NOT_FOUND",
                        "Niet gevonden", "Er is geen dossier met kenmerk " + caseId + ".")));
    }
}
