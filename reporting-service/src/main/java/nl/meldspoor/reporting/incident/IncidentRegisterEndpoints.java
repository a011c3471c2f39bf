package nl.meldspoor.reporting.incident;

import jakarta.servlet.http.HttpServletRequest;
import nl.meldspoor.platform.access.AccessLog;
import nl.meldspoor.api.access.RecordKind;
import nl.meldspoor.reporting.access.ReportReaders;
import nl.meldspoor.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import nl.meldspoor.api.incident.IncidentType;
import nl.meldspoor.platform.web.Problems;
import nl.meldspoor.platform.web.Problems.FieldError;
import nl.meldspoor.reporting.incident.IncidentQueries.Filter;
import nl.meldspoor.reporting.incident.IncidentQueries.MeldplichtLines;
import nl.meldspoor.reporting.organisation.Organisation;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Incidentenregistratie", description = "Het register van incidenten per school, te filteren en te exporteren")
class IncidentRegisterEndpoints {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final int MAX_PAGE_SIZE = 200;

    private final IncidentQueries incidents;
    private final Organisation organisation;

    private final AccessLog accessLog;

    IncidentRegisterEndpoints(IncidentQueries incidents, Organisation organisation, AccessLog accessLog) {
        this.accessLog = accessLog;
        this.incidents = incidents;
        this.organisation = organisation;
    }

    /** A page of the register. */
    record RegisterPage(List<IncidentLine> incidents, int page, int size, long totalElements, int totalPages) {
    }

    @GetMapping("/api/schools/{schoolId}/incidents")
    @Operation(summary = "Het incidentenregister van een school, chronologisch, te filteren op soort, periode en voortgang van het protocol")
    ResponseEntity<?> register(Caller caller, HttpServletRequest request, @PathVariable String schoolId,
                               @RequestParam(required = false) IncidentType type,
                               @Parameter(description = "eerste dag (ISO-datum)") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                               @Parameter(description = "dag na de laatste dag (ISO-datum)") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                               @RequestParam(required = false) ProtocolStatus protocolStatus,
                               @RequestParam(defaultValue = "0") int page,
                               @RequestParam(defaultValue = "50") int size,
                               @RequestParam(defaultValue = "asc") String order) {
        ReportReaders.requireIncidentRegisterReader(caller, schoolId);
        ResponseEntity<?> refused = refuse(schoolId, from, to);
        if (refused != null) {
            return refused;
        }
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE || !order.matches("(?i)asc|desc")) {
            return invalid(page < 0 || size < 1 || size > MAX_PAGE_SIZE ? "size" : "order",
                    "page vanaf 0, size van 1 tot en met " + MAX_PAGE_SIZE + ", order asc of desc.");
        }
        accessLog.record(caller, schoolId, RecordKind.INCIDENT_REGISTER, schoolId, request);
        Page<IncidentLine> result = incidents.register(filter(caller, schoolId, type, from, to, protocolStatus),
                PageRequest.of(page, size, Sort.by(Sort.Direction.fromString(order), "line.occurredAt").and(Sort.by("_id"))));
        return ResponseEntity.ok(new RegisterPage(result.getContent(), result.getNumber(), result.getSize(), result.getTotalElements(),
                result.getTotalPages()));
    }

    @GetMapping(value = "/api/schools/{schoolId}/incidents.csv")
    @Operation(summary = "Het incidentenregister als CSV (puntkomma's) voor de jaarlijkse analyse en de inspectie")
    ResponseEntity<?> export(Caller caller, HttpServletRequest request, @PathVariable String schoolId,
                             @RequestParam(required = false) IncidentType type,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                             @RequestParam(required = false) ProtocolStatus protocolStatus) {
        ReportReaders.requireIncidentRegisterReader(caller, schoolId);
        ResponseEntity<?> refused = refuse(schoolId, from, to);
        if (refused != null) {
            return refused;
        }
        accessLog.record(caller, schoolId, RecordKind.INCIDENT_REGISTER_EXPORT, schoolId, request);
        byte[] csv = IncidentCsv.of(incidents.all(filter(caller, schoolId, type, from, to, protocolStatus))).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("incidenten-" + schoolId + ".csv").build().toString())
                .body(csv);
    }

    private static Filter filter(Caller caller, String schoolId, IncidentType type, LocalDate from, LocalDate to, ProtocolStatus protocolStatus) {
        MeldplichtLines meldplicht = ReportReaders.readsEveryMeldplichtIncident(caller) ? MeldplichtLines.ALL
                : MeldplichtLines.recordedBy(caller.personId());
        return new Filter(schoolId, type, start(from), start(to), protocolStatus, meldplicht);
    }

    private static Instant start(LocalDate day) {
        return day == null ? null : day.atStartOfDay(AMSTERDAM).toInstant();
    }

    private ResponseEntity<?> refuse(String schoolId, LocalDate from, LocalDate to) {
        if (!organisation.knows(schoolId)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "Niet gevonden",
                    "Er is geen school met kenmerk " + schoolId + "."));
        }
        if (from != null && to != null && !to.isAfter(from)) {
            return invalid("to", "moet na from liggen.");
        }
        return null;
    }

    private static ResponseEntity<?> invalid(String field, String reason) {
        return ResponseEntity.badRequest().body(Problems.problem(HttpStatus.BAD_REQUEST, "INVALID_INPUT", "Ongeldige invoer",
                field + ": " + reason, List.of(new FieldError(field, reason))));
    }
}
