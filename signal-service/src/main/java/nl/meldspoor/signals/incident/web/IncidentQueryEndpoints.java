package nl.meldspoor.signals.incident.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import nl.meldspoor.api.access.RecordKind;
import nl.meldspoor.signals.incident.state.IncidentView;
import nl.meldspoor.platform.access.AccessLog;
import nl.meldspoor.platform.security.Caller;
import nl.meldspoor.signals.access.IncidentReaders;
import nl.meldspoor.signals.incident.history.IncidentHistory;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/incidents/{incidentId}")
@Tag(name = "Incidenten", description = "Stand van zaken en tijdlijn van een incident, ook zoals ze op een eerder moment waren")
class IncidentQueryEndpoints {

    private final IncidentHistory history;
    private final AccessLog accessLog;

    IncidentQueryEndpoints(IncidentHistory history, AccessLog accessLog) {
        this.history = history;
        this.accessLog = accessLog;
    }

    @GetMapping
    @Operation(summary = "Het incident: protocol, genomen stappen met datum en wie is geïnformeerd, bij de meldplicht de tijd tot de melding aan het bestuur, wat nu, en de chronologische tijdlijn",
            description = "Met asOf: het incident zoals het systeem het op dat moment kende.")
    ResponseEntity<IncidentView> incident(Caller caller, HttpServletRequest request, @PathVariable String incidentId,
                                          @Parameter(description = "ISO-8601 moment, bijv. 2026-11-20T12:00:00Z")
                                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        IncidentView latest = history.view(incidentId, null);
        IncidentReaders.requireReader(caller, latest);
        IncidentView view = asOf == null ? latest : history.view(incidentId, asOf);
        accessLog.record(caller, latest.state().schoolId(), RecordKind.INCIDENT, incidentId, request);
        return ResponseEntity.ok().eTag(Long.toString(view.version())).body(view);
    }
}
