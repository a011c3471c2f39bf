package nl.meldspoor.reporting.rapportage;

import jakarta.servlet.http.HttpServletRequest;
import nl.meldspoor.platform.access.AccessLog;
import nl.meldspoor.api.access.RecordKind;
import nl.meldspoor.reporting.meldcase.fold.CaseStates;
import java.util.List;
import nl.meldspoor.api.meldcase.RecordedCaseEvent;
import nl.meldspoor.platform.security.CaseReaders;
import nl.meldspoor.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import nl.meldspoor.platform.web.Problems;
import nl.meldspoor.reporting.meldcase.CaseEvents;
import nl.meldspoor.reporting.meldcase.CaseQueries;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Rapportage meldcode", description = "Het verslag per zaak, met per stap of het is vastgelegd")
class RapportageEndpoints {

    private final CaseQueries cases;
    private final CaseEvents caseEvents;
    private final Rapportages rapportages;
    private final CaseStates states;
    private final Clock clock;

    private final AccessLog accessLog;

    RapportageEndpoints(CaseQueries cases, CaseEvents caseEvents, Rapportages rapportages, CaseStates states, Clock clock, AccessLog accessLog) {
        this.accessLog = accessLog;
        this.cases = cases;
        this.caseEvents = caseEvents;
        this.rapportages = rapportages;
        this.states = states;
        this.clock = clock;
    }

    @GetMapping("/api/dossiers/{caseId}/rapportage")
    @Operation(summary = "De rapportage meldcode van een zaak, gegenereerd uit de events")
    ResponseEntity<?> rapportage(Caller caller, HttpServletRequest request, @PathVariable String caseId) {
        return cases.byId(caseId)
                .<ResponseEntity<?>>map(record -> {
                    List<RecordedCaseEvent> events = caseEvents.read(cases.history(caseId));
                    var state = states.view(events, clock.instant());
                    CaseReaders.requireTimelineReader(caller, state.access());
                    accessLog.record(caller, state.schoolId(), RecordKind.RAPPORTAGE, caseId, request);
                    return ResponseEntity.ok(rapportages.of(events, clock.instant()));
                })
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.problem(HttpStatus.NOT_FOUND, "NOT_FOUND",
                        "Niet gevonden", "Er is geen dossier met kenmerk " + caseId + ".")));
    }
}
