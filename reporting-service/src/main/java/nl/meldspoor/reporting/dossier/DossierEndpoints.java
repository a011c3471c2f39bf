package nl.meldspoor.reporting.dossier;

import nl.meldspoor.reporting.accesslog.AccessLogQueries;
import jakarta.servlet.http.HttpServletRequest;
import nl.meldspoor.platform.access.AccessLog;
import nl.meldspoor.api.access.RecordKind;
import nl.meldspoor.reporting.meldcase.fold.CaseStateView;
import nl.meldspoor.reporting.access.ReportReaders;
import nl.meldspoor.platform.security.CaseReaders;
import nl.meldspoor.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import nl.meldspoor.platform.web.Problems;
import nl.meldspoor.platform.web.Problems.FieldError;
import nl.meldspoor.reporting.meldcase.CaseQueries;
import nl.meldspoor.reporting.meldcase.CaseSummary;
import nl.meldspoor.reporting.organisation.Organisation;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Dossiers", description = "Het dossier per zaak en de zaken van een school")
class DossierEndpoints {

    private static final Set<String> STATUSES = Set.of("OPEN", "CLOSED");
    private static final Set<String> SORTABLE = Set.of("openedAt", "lastActivityAt", "currentStep", "closedAt");
    private static final int MAX_PAGE_SIZE = 200;
    /** The dossier shows who looked last; all reads are in the school's access log and the case-service's {@code /views}. */
    static final int LOOKED_AT_IN_DOSSIER = 50;

    private final CaseQueries cases;
    private final Dossiers dossiers;
    private final Organisation organisation;
    private final Clock clock;

    private final AccessLog accessLog;
    private final AccessLogQueries accessLogQueries;

    DossierEndpoints(CaseQueries cases, Dossiers dossiers, Organisation organisation, Clock clock, AccessLog accessLog,
                     AccessLogQueries accessLogQueries) {
        this.accessLog = accessLog;
        this.accessLogQueries = accessLogQueries;
        this.cases = cases;
        this.dossiers = dossiers;
        this.organisation = organisation;
        this.clock = clock;
    }

    @GetMapping("/api/dossiers/{caseId}")
    @Operation(summary = "Het dossier: huidige stap, open afweging, besluiten met onderbouwing, termijnen, de tijdlijn en wie het dossier inzag")
    ResponseEntity<?> dossier(Caller caller, HttpServletRequest request, @PathVariable String caseId) {
        return dossiers.of(caseId, clock.instant())
                .<ResponseEntity<?>>map(timeline -> {
                    CaseStateView state = timeline.state();
                    CaseReaders.requireTimelineReader(caller, state.access());
                    accessLog.record(caller, state.schoolId(), RecordKind.DOSSIER, caseId, request);
                    AccessLogQueries.NewestReads lookedAt = accessLogQueries.ofCase(caseId, LOOKED_AT_IN_DOSSIER);
                    return ResponseEntity.ok(new DossierView(timeline, lookedAt.entries(), lookedAt.total()));
                })
                .orElseGet(() -> notFound("Er is geen dossier met kenmerk " + caseId + "."));
    }

    @GetMapping("/api/schools/{schoolId}/cases")
    @Operation(summary = "De meldcodezaken van een school, te filteren op status en stap, per pagina")
    ResponseEntity<?> casesOfSchool(Caller caller, HttpServletRequest request, @PathVariable String schoolId,
                                    @RequestParam(required = false) String status,
                                    @RequestParam(required = false) Integer step,
                                    @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "20") int size,
                                    @RequestParam(defaultValue = "openedAt,desc") String sort) {
        ReportReaders.requireCaseListReader(caller, schoolId);
        if (!organisation.knows(schoolId)) {
            return notFound("Er is geen school met kenmerk " + schoolId + ".");
        }
        if (status != null && !STATUSES.contains(status)) {
            return invalid("status", "Toegestaan: " + STATUSES + ".");
        }
        if (step != null && (step < 1 || step > 5)) {
            return invalid("step", "Een stap van de meldcode is 1 tot en met 5.");
        }
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            return invalid(page < 0 ? "page" : "size", "page vanaf 0, size van 1 tot en met " + MAX_PAGE_SIZE + ".");
        }
        String[] sorting = sort.split(",");
        if (!SORTABLE.contains(sorting[0]) || sorting.length > 2 || (sorting.length == 2 && !sorting[1].matches("(?i)asc|desc"))) {
            return invalid("sort", "Sorteer op " + SORTABLE + ", eventueel gevolgd door ,asc of ,desc.");
        }
        Sort.Direction direction = sorting.length == 2 ? Sort.Direction.fromString(sorting[1]) : Sort.Direction.ASC;
        accessLog.record(caller, schoolId, RecordKind.CASE_LIST, schoolId, request);
        Page<CaseSummary> result = cases.ofSchool(schoolId, status, step,
                PageRequest.of(page, size, Sort.by(direction, sorting[0]).and(Sort.by("_id"))));
        return ResponseEntity.ok(new CasePage(result.getContent(), result.getNumber(), result.getSize(), result.getTotalElements(), result.getTotalPages()));
    }

    /** A page of a school's cases. */
    record CasePage(List<CaseSummary> cases, int page, int size, long totalElements, int totalPages) {
    }

    static ResponseEntity<ProblemDetail> notFound(String detail) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "Niet gevonden", detail));
    }

    static ResponseEntity<ProblemDetail> invalid(String field, String reason) {
        return ResponseEntity.badRequest().body(Problems.problem(HttpStatus.BAD_REQUEST, "INVALID_INPUT", "Ongeldige invoer",
                field + ": " + reason, List.of(new FieldError(field, reason))));
    }
}
