package nl.meldspoor.reporting.accesslog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import nl.meldspoor.platform.security.Caller;
import nl.meldspoor.platform.web.Problems;
import nl.meldspoor.reporting.access.ReportReaders;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Toegangslogboek", description = "Wie wanneer welk dossier, welke signalen of het incidentenregister inzag, en waarom")
class AccessLogEndpoints {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final int MAX_PAGE_SIZE = 200;

    private final AccessLogQueries queries;

    private final AccessLogChain chain;

    AccessLogEndpoints(AccessLogQueries queries, AccessLogChain chain) {
        this.queries = queries;
        this.chain = chain;
    }

    @GetMapping("/api/schools/{schoolId}/access-log/chains/{day}")
    @Operation(summary = "Controleren dat het toegangslogboek van een school op een dag niet is gewijzigd (directeur, auditor)")
    AccessLogChain.DayVerification chainOfDay(Caller caller, @PathVariable String schoolId,
                                              @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        ReportReaders.requireAccessLogReader(caller, schoolId);
        return chain.verify(schoolId, day);
    }

    record AccessPage(List<AccessEntry> entries, int page, int size, long totalElements, int totalPages) {
    }

    @GetMapping("/api/schools/{schoolId}/access-log")
    @Operation(summary = "Het toegangslogboek van een school (directeur, auditor), nieuwste eerst, te filteren op persoon, kenmerk en periode")
    ResponseEntity<?> ofSchool(Caller caller, @PathVariable String schoolId,
                               @RequestParam(required = false) String personId,
                               @Parameter(description = "kenmerk van dossier, leerling of incident") @RequestParam(required = false) String recordId,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                               @RequestParam(defaultValue = "0") int page,
                               @RequestParam(defaultValue = "50") int size) {
        ReportReaders.requireAccessLogReader(caller, schoolId);
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            return ResponseEntity.badRequest().body(Problems.problem(HttpStatus.BAD_REQUEST, "INVALID_INPUT", "Ongeldige invoer",
                    "page vanaf 0, size van 1 tot en met " + MAX_PAGE_SIZE + ".",
                    List.of(new Problems.FieldError(page < 0 ? "page" : "size", "buiten het toegestane bereik"))));
        }
        Page<AccessEntry> result = queries.ofSchool(schoolId, personId, recordId,
                from == null ? null : from.atStartOfDay(AMSTERDAM).toInstant(), to == null ? null : to.atStartOfDay(AMSTERDAM).toInstant(),
                PageRequest.of(page, size));
        return ResponseEntity.ok(new AccessPage(result.getContent(), result.getNumber(), result.getSize(), result.getTotalElements(),
                result.getTotalPages()));
    }
}
