package nl.meldspoor.signals.incident.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;
import nl.meldspoor.api.incident.BullyingStepDetails;
import nl.meldspoor.api.incident.CloseIncident;
import nl.meldspoor.api.incident.IncidentClosure;
import nl.meldspoor.api.incident.IncidentReport;
import nl.meldspoor.api.incident.MeldplichtStepDetails;
import nl.meldspoor.api.incident.ParentsInformed;
import nl.meldspoor.api.incident.RecordIncident;
import nl.meldspoor.api.incident.RecordParentsInformed;
import nl.meldspoor.api.incident.TakeBullyingStep;
import nl.meldspoor.api.incident.TakeMeldplichtStep;
import nl.meldspoor.api.incident.TakeUnsafeBehaviourAction;
import nl.meldspoor.api.incident.UnsafeBehaviourActionDetails;
import nl.meldspoor.platform.commands.CommandAccepted;
import nl.meldspoor.platform.commands.CommandExecutor;
import nl.meldspoor.platform.security.Caller;
import nl.meldspoor.platform.web.CommandRequest;
import nl.meldspoor.signals.access.IncidentReaders;
import nl.meldspoor.signals.incident.history.IncidentHistory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The incident register's write side. The moment of recording is the server's; every moment the
 * protocol is about (when it happened, when the school knew, when a step was taken) comes with the
 * request.
 */
@RestController
@RequestMapping("/api/incidents")
@Tag(name = "Incidenten", description = "Incidenten registreren en afhandelen volgens het pestprotocol, de aanpak van ongewenst gedrag of de meldplicht")
class IncidentEndpoints {

    private final CommandExecutor executor;
    private final IncidentHistory history;
    private final Clock clock;

    IncidentEndpoints(CommandExecutor executor, IncidentHistory history, Clock clock) {
        this.executor = executor;
        this.history = history;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Een incident registreren; het protocol (pesten, ongewenst gedrag of meldplicht) volgt uit het soort incident en de betrokkenen")
    ResponseEntity<CommandAccepted> record(CommandRequest request, @Valid @RequestBody IncidentReport body) {
        String incidentId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        return executor.create(request, body, incidentId, URI.create("/api/incidents/" + incidentId),
                () -> new RecordIncident(incidentId, request.actor(), now, body));
    }

    @PostMapping("/{incidentId}/parents-informed")
    @Operation(summary = "Vastleggen dat de ouders zijn geïnformeerd: na een klein incident dezelfde dag telefonisch, na een groter incident in een gesprek met de directeur")
    ResponseEntity<CommandAccepted> parentsInformed(@PathVariable String incidentId, Caller caller, CommandRequest request,
                                                    @Valid @RequestBody ParentsInformed body) {
        return send(caller, request, body, incidentId, now -> new RecordParentsInformed(incidentId, request.expectedVersion(), request.actor(), now, body));
    }

    @PostMapping("/{incidentId}/bullying-steps")
    @Operation(summary = "Pestprotocol: een stap van de vijfstappenaanpak vastleggen, met datum en wie is geïnformeerd")
    ResponseEntity<CommandAccepted> bullyingStep(@PathVariable String incidentId, Caller caller, CommandRequest request,
                                                 @Valid @RequestBody BullyingStepDetails body) {
        return send(caller, request, body, incidentId, now -> new TakeBullyingStep(incidentId, request.expectedVersion(), request.actor(), now, body));
    }

    @PostMapping("/{incidentId}/unsafe-behaviour-actions")
    @Operation(summary = "Ongewenst gedrag: een actie (1 tot en met 5) vastleggen, met datum en wie is geïnformeerd; time-out, schorsen en verwijderen alleen door de directeur")
    ResponseEntity<CommandAccepted> unsafeBehaviourAction(@PathVariable String incidentId, Caller caller, CommandRequest request,
                                                          @Valid @RequestBody UnsafeBehaviourActionDetails body) {
        return send(caller, request, body, incidentId,
                now -> new TakeUnsafeBehaviourAction(incidentId, request.expectedVersion(), request.actor(), now, body));
    }

    @PostMapping("/{incidentId}/meldplicht-steps")
    @Operation(summary = "Meldplicht: de volgende stap vastleggen (bestuur geïnformeerd, vertrouwensinspecteur geraadpleegd, besluit over aangifte, betrokkenen geïnformeerd, aangifte gedaan)")
    ResponseEntity<CommandAccepted> meldplichtStep(@PathVariable String incidentId, Caller caller, CommandRequest request,
                                                   @Valid @RequestBody MeldplichtStepDetails body) {
        return send(caller, request, body, incidentId, now -> new TakeMeldplichtStep(incidentId, request.expectedVersion(), request.actor(), now, body));
    }

    @PostMapping("/{incidentId}/closure")
    @Operation(summary = "Het incident afsluiten; bij de meldplicht pas als de betrokkenen zijn geïnformeerd en een besloten aangifte is gedaan")
    ResponseEntity<CommandAccepted> close(@PathVariable String incidentId, Caller caller, CommandRequest request, @Valid @RequestBody IncidentClosure body) {
        return send(caller, request, body, incidentId, now -> new CloseIncident(incidentId, request.expectedVersion(), request.actor(), now, body));
    }

    private ResponseEntity<CommandAccepted> send(Caller caller, CommandRequest request, Object body, String incidentId,
                                                 Function<Instant, Object> command) {
        // A meldplicht incident is hidden from the school (anyone there may be the suspect): acting on it, too.
        IncidentReaders.requireKnownTo(caller, history.view(incidentId, null));
        Instant now = clock.instant();
        return executor.update(request, body, incidentId, () -> command.apply(now));
    }
}
