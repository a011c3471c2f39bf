package nl.meldspoor.casework.meldcase.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import nl.meldspoor.api.access.RecordKind;
import nl.meldspoor.casework.meldcase.state.CaseStateView;
import nl.meldspoor.casework.meldcase.state.CaseStates;
import nl.meldspoor.api.meldcase.RecordedCaseEvent;
import nl.meldspoor.casework.meldcase.history.CaseHistory;
import nl.meldspoor.casework.views.CaseViewPage;
import nl.meldspoor.casework.views.CaseViews;
import nl.meldspoor.platform.access.AccessLog;
import nl.meldspoor.platform.security.Caller;
import nl.meldspoor.platform.security.CaseReaders;
import nl.meldspoor.platform.web.Problems;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cases/{caseId}")
@Tag(name = "Dossier", description = "Stand van zaken en tijdlijn, ook zoals ze op een eerder moment waren")
class CaseQueryEndpoints {

    private final CaseHistory history;
    private final CaseStates states;
    private final Clock clock;
    private final AccessLog accessLog;
    private final CaseViews views;
    private final WrittenTimelineEntries entries;

    /** Who looked last, in the timeline itself; all of them page by page at {@code /views}. */
    static final int LOOKED_AT_IN_TIMELINE = 50;
    private static final int MAX_PAGE_SIZE = 200;

    CaseQueryEndpoints(CaseHistory history, CaseStates states, Clock clock, AccessLog accessLog, CaseViews views,
                       WrittenTimelineEntries entries) {
        this.entries = entries;
        this.history = history;
        this.states = states;
        this.clock = clock;
        this.accessLog = accessLog;
        this.views = views;
    }

    // Access follows the case as it is now (its school and current team), also when asOf asks for the past.

    @GetMapping
    @Operation(summary = "De stand van het dossier: stap, open afwegingen, besluiten, termijnen en wat nu",
            description = "Met asOf: de stand zoals het systeem die op dat moment kende.")
    ResponseEntity<CaseStateView> state(Caller caller, HttpServletRequest request, @PathVariable String caseId,
                                        @Parameter(description = "ISO-8601 moment, bijv. 2026-11-20T12:00:00Z")
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        List<RecordedCaseEvent> all = history.read(caseId, null);
        CaseStateView latest = states.view(all, clock.instant());
        CaseReaders.requireStateReader(caller, latest.access());
        CaseStateView state = asOf == null ? latest : states.view(history.asOf(caseId, all, asOf), asOf);
        accessLog.record(caller, latest.schoolId(), RecordKind.CASE_STATE, caseId, request);
        return ResponseEntity.ok().eTag(Long.toString(state.version())).body(state);
    }

    @GetMapping("/timeline")
    @Operation(summary = "De volledige chronologische tijdlijn uit de event store, met de stand aan het eind en wie het dossier inzag",
            description = "Met asOf: de tijdlijn en de stand zoals ze op dat moment waren (audit-reconstructie).")
    ResponseEntity<CaseTimelineView> timeline(Caller caller, HttpServletRequest request, @PathVariable String caseId,
                                      @Parameter(description = "ISO-8601 moment, bijv. 2026-11-20T12:00:00Z")
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        List<RecordedCaseEvent> all = history.read(caseId, null);
        CaseStateView latest = states.view(all, clock.instant());
        CaseReaders.requireTimelineReader(caller, latest.access());
        List<RecordedCaseEvent> events = history.asOf(caseId, all, asOf);
        CaseStateView state = asOf == null ? latest : states.view(events, asOf);
        accessLog.record(caller, latest.schoolId(), RecordKind.CASE_TIMELINE, caseId, request);
        CaseViewPage newest = views.page(caseId, asOf, 0, LOOKED_AT_IN_TIMELINE);
        long version = events.get(events.size() - 1).sequence();
        return ResponseEntity.ok().eTag(Long.toString(version))
                .body(new CaseTimelineView(caseId, asOf, version, entries.of(events), state, newest.entries(), newest.totalElements()));
    }

    @GetMapping("/views")
    @Operation(summary = "Wie het dossier inzag (wie, rol, wat, waarom, wanneer), nieuwste eerst, per pagina",
            description = "De tijdlijn toont alleen de nieuwste " + LOOKED_AT_IN_TIMELINE + " inzagen; hier staan ze allemaal. "
                    + "Met asOf: alleen de inzagen tot dat moment.")
    ResponseEntity<?> views(Caller caller, HttpServletRequest request, @PathVariable String caseId,
                            @Parameter(description = "ISO-8601 moment, bijv. 2026-11-20T12:00:00Z")
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
                            @RequestParam(defaultValue = "0") int page,
                            @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            return ResponseEntity.badRequest().body(Problems.problem(HttpStatus.BAD_REQUEST, "INVALID_INPUT", "Ongeldige invoer",
                    "page vanaf 0, size van 1 tot en met " + MAX_PAGE_SIZE + ".",
                    List.of(new Problems.FieldError(page < 0 ? "page" : "size", "buiten het toegestane bereik"))));
        }
        CaseStateView latest = states.view(history.read(caseId, null), clock.instant());
        CaseReaders.requireTimelineReader(caller, latest.access());
        accessLog.record(caller, latest.schoolId(), RecordKind.CASE_TIMELINE, caseId, request);
        return ResponseEntity.ok(views.page(caseId, asOf, page, size));
    }
}
