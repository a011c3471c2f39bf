package nl.meldspoor.casework.meldcase.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import nl.meldspoor.api.meldcase.AttachSignal;
import nl.meldspoor.api.meldcase.AttachedSignal;
import nl.meldspoor.api.meldcase.CaseOpening;
import nl.meldspoor.api.meldcase.CloseCase;
import nl.meldspoor.api.meldcase.Closure;
import nl.meldspoor.api.meldcase.InvolveTeacher;
import nl.meldspoor.api.meldcase.OpenCase;
import nl.meldspoor.api.meldcase.ReopenCase;
import nl.meldspoor.api.meldcase.Reopening;
import nl.meldspoor.casework.meldcase.SignalOrigin;
import nl.meldspoor.platform.commands.CommandAccepted;
import nl.meldspoor.platform.web.CommandRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cases")
@Tag(name = "Dossier", description = "Openen, signalen koppelen, sluiten en heropenen")
class CaseLifecycleEndpoints {

    private final CaseCommands commands;

    CaseLifecycleEndpoints(CaseCommands commands) {
        this.commands = commands;
    }

    @PostMapping
    @Operation(summary = "Dossier meldcode openen voor één leerling, met de signalen die tot de zorg leidden",
            description = "Signalen die hier worden meegegeven zijn van het dossier zelf: hun id krijgt het voorvoegsel `case:`, zodat ze nooit "
                    + "voor signalen uit een leerlingdossier worden aangezien en geen correcties van zulke signalen ontvangen.")
    ResponseEntity<CommandAccepted> open(CommandRequest request, @Valid @RequestBody CaseOpening body) {
        String caseId = UUID.randomUUID().toString();
        CaseOpening owned = new CaseOpening(body.schoolId(), body.pupilRef(), body.familyRef(), body.team(), body.concern(),
                SignalOrigin.ownedByTheCase(body.signals()));
        return commands.open(request, body, caseId, now -> new OpenCase(caseId, request.actor(), now, owned));
    }

    @PostMapping("/{caseId}/signals")
    @Operation(summary = "Stap 1: een volgend signaal aan het dossier koppelen")
    ResponseEntity<CommandAccepted> attachSignal(@PathVariable String caseId, CommandRequest request, @Valid @RequestBody AttachedSignal body) {
        return commands.send(request, body, caseId, now -> new AttachSignal(caseId, request.expectedVersion(), request.actor(), now,
                SignalOrigin.ownedByTheCase(body)));
    }

    @PostMapping("/{caseId}/teachers")
    @Operation(summary = "Een leerkracht laten deelnemen aan stap 1 tot en met 3")
    ResponseEntity<CommandAccepted> involveTeacher(@PathVariable String caseId, CommandRequest request, @Valid @RequestBody TeacherInvolvement body) {
        return commands.send(request, body, caseId, now -> new InvolveTeacher(caseId, request.expectedVersion(), request.actor(), now, body.teacherId()));
    }

    @PostMapping("/{caseId}/closure")
    @Operation(summary = "Dossier sluiten met de uitkomst")
    ResponseEntity<CommandAccepted> close(@PathVariable String caseId, CommandRequest request, @Valid @RequestBody Closure body) {
        return commands.send(request, body, caseId, now -> new CloseCase(caseId, request.expectedVersion(), request.actor(), now, body));
    }

    @PostMapping("/{caseId}/reopening")
    @Operation(summary = "Een gesloten dossier heropenen, meestal bij nieuwe signalen")
    ResponseEntity<CommandAccepted> reopen(@PathVariable String caseId, CommandRequest request, @Valid @RequestBody Reopening body) {
        return commands.send(request, body, caseId, now -> new ReopenCase(caseId, request.expectedVersion(), request.actor(), now,
                new Reopening(body.reason(), SignalOrigin.ownedByTheCase(body.newSignals()))));
    }
}
