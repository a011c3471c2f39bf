package nl.meldspoor.reporting.dashboard;

import nl.meldspoor.reporting.access.ReportReaders;
import nl.meldspoor.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import nl.meldspoor.platform.web.Problems;
import nl.meldspoor.platform.web.Problems.FieldError;
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
            description = "Boven schoolniveau worden aantallen kleiner dan de drempel (standaard 5) niet getoond.")
    ResponseEntity<?> dashboard(Caller caller, @Parameter(description = "school, cluster of board") @PathVariable String level, @PathVariable String id,
                                @Parameter(description = "eerste dag (ISO-datum)") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                @Parameter(description = "dag na de laatste dag (ISO-datum)") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        var scope = organisation.scope(level, id);
        if (scope.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "Niet gevonden",
                    "Er is geen " + level + " met kenmerk " + id + " (niveaus: school, cluster, board)."));
        }
        ReportReaders.requireDashboardReader(caller, scope.get(), organisation);
        LocalDate start = from != null ? from : Dashboards.currentSchoolYearStart(LocalDate.now(clock.withZone(Dashboards.AMSTERDAM)));
        LocalDate end = to != null ? to : start.plusYears(1);
        if (!end.isAfter(start)) {
            return ResponseEntity.badRequest().body(Problems.problem(HttpStatus.BAD_REQUEST, "INVALID_INPUT", "Ongeldige invoer",
                    "to: moet na from liggen.", List.of(new FieldError("to", "moet na from liggen"))));
        }
        return ResponseEntity.ok(dashboards.of(scope.get(), start, end));
    }
}
