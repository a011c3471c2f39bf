package nl.meldspoor.reporting.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import nl.meldspoor.platform.security.Caller;
import nl.meldspoor.platform.web.Problems;
import nl.meldspoor.reporting.access.ReportReaders;
import nl.meldspoor.reporting.organisation.Organisation;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Dashboards", description = "Gebruik van de meldcode per school, cluster en bestuur")
class DashboardEndpoints {

    private final Dashboards dashboards;
    private final Organisation organisation;
    private final Clock clock;

    DashboardEndpoints(Dashboards dashboards, Organisation organisation, Clock clock) {
        this.dashboards = dashboards;
        this.organisation = organisation;
        this.clock = clock;
    }

    @GetMapping("/api/dashboards/{level}/{id}")
    @Operation(summary = "Dashboard voor een school, cluster of het bestuur over een periode (standaard: het lopende schooljaar)",
            description = "Exacte aantallen alleen voor medewerkers van de school zelf. Voor iedereen daarboven (ook op het dashboard "
                    + "van een school) worden aantallen van 1 tot de drempel (standaard 5) niet getoond, en zoveel andere cellen dat "
                    + "geen verborgen aantal uit totalen en andere cellen terug te rekenen is; dan zijn alleen hele maanden, "
                    + "perioden (T1 aug–dec, T2 jan–mrt, T3 apr–jul) en schooljaren toegestaan (anders 400 PERIOD_NOT_WHOLE).")
    ResponseEntity<?> dashboard(Caller caller, @Parameter(description = "school, cluster of board") @PathVariable String level, @PathVariable String id,
                                @Parameter(description = "een maand (2026-09), een periode (2026-2027-T1) of een schooljaar (2026-2027); niet samen met from/to")
                                @RequestParam(required = false) String period,
                                @Parameter(description = "eerste dag (ISO-datum; boven schoolniveau de eerste van een maand)") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                @Parameter(description = "dag na de laatste dag (ISO-datum; boven schoolniveau de eerste van een maand)") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        var scope = organisation.scope(level, id);
        if (scope.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "Niet gevonden",
                    "Er is geen " + level + " met kenmerk " + id + " (niveaus: school, cluster, board)."));
        }
        ReportReaders.requireDashboardReader(caller, scope.get(), organisation);
        boolean exact = ReportReaders.seesExactFigures(caller, scope.get());
        DashboardPeriod window;
        try {
            window = DashboardPeriod.of(period, from, to, exact, LocalDate.now(clock.withZone(Dashboards.AMSTERDAM)));
        } catch (DashboardPeriod.Refused refused) {
            String detail = refused.errors().stream().map(error -> error.field() + ": " + error.reason()).reduce((a, b) -> a + "; " + b).orElse("");
            return ResponseEntity.badRequest().body(Problems.problem(HttpStatus.BAD_REQUEST, refused.rule(),
                    DashboardPeriod.NOT_WHOLE.equals(refused.rule()) ? "Alleen hele maanden, perioden of schooljaren" : "Ongeldige invoer",
                    detail + ".", refused.errors()));
        }
        return ResponseEntity.ok(dashboards.of(scope.get(), window.from(), window.to(), exact));
    }
}
