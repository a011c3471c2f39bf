package nl.meldspoor.casework.meldcase.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import nl.meldspoor.api.meldcase.ChildConversation;
import nl.meldspoor.api.meldcase.ChildConversationSkip;
import nl.meldspoor.api.meldcase.ColleagueConsultation;
import nl.meldspoor.api.meldcase.Consent;
import nl.meldspoor.api.meldcase.ConsultColleague;
import nl.meldspoor.api.meldcase.ConsultExpert;
import nl.meldspoor.api.meldcase.ConsultVeiligThuis;
import nl.meldspoor.api.meldcase.ExpertConsultation;
import nl.meldspoor.api.meldcase.ParentContactSkip;
import nl.meldspoor.api.meldcase.ParentConversation;
import nl.meldspoor.api.meldcase.RecordConsent;
import nl.meldspoor.api.meldcase.SkipTalkWithChild;
import nl.meldspoor.api.meldcase.SkipTalkWithParents;
import nl.meldspoor.api.meldcase.TalkToChild;
import nl.meldspoor.api.meldcase.TalkToParents;
import nl.meldspoor.api.meldcase.VeiligThuisConsultation;
import nl.meldspoor.platform.commands.CommandAccepted;
import nl.meldspoor.platform.web.CommandRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cases/{caseId}")
@Tag(name = "Stap 2 en 3", description = "Overleg, advies en gesprekken met kind en ouders")
class StepsTwoAndThreeEndpoints {

    private final CaseCommands commands;

    StepsTwoAndThreeEndpoints(CaseCommands commands) {
        this.commands = commands;
    }

    @PostMapping("/colleague-consultations")
    @Operation(summary = "Stap 2: collegiale consultatie vastleggen")
    ResponseEntity<CommandAccepted> consultColleague(@PathVariable String caseId, CommandRequest request, @Valid @RequestBody ColleagueConsultation body) {
        return commands.send(request, body, caseId, now -> new ConsultColleague(caseId, request.expectedVersion(), request.actor(), body.consultedAt(), body));
    }

    @PostMapping("/veilig-thuis-consultations")
    @Operation(summary = "Stap 2: advies van Veilig Thuis vastleggen (anoniem of niet)")
    ResponseEntity<CommandAccepted> consultVeiligThuis(@PathVariable String caseId, CommandRequest request, @Valid @RequestBody VeiligThuisConsultation body) {
        return commands.send(request, body, caseId, now -> new ConsultVeiligThuis(caseId, request.expectedVersion(), request.actor(), body.consultedAt(), body));
    }

    @PostMapping("/expert-consultations")
    @Operation(summary = "Stap 2: advies van een deskundige vastleggen (SMW, jeugdarts, letselduiding, LEC EGG, ...)")
    ResponseEntity<CommandAccepted> consultExpert(@PathVariable String caseId, CommandRequest request, @Valid @RequestBody ExpertConsultation body) {
        return commands.send(request, body, caseId, now -> new ConsultExpert(caseId, request.expectedVersion(), request.actor(), body.consultedAt(), body));
    }

    @PostMapping("/child-conversations")
    @Operation(summary = "Stap 3: gesprek met het kind vastleggen")
    ResponseEntity<CommandAccepted> talkToChild(@PathVariable String caseId, CommandRequest request, @Valid @RequestBody ChildConversation body) {
        return commands.send(request, body, caseId, now -> new TalkToChild(caseId, request.expectedVersion(), request.actor(), body.heldAt(), body));
    }

    @PostMapping("/child-conversations/skipped")
    @Operation(summary = "Stap 3: vastleggen waarom niet met het kind wordt gesproken")
    ResponseEntity<CommandAccepted> skipTalkWithChild(@PathVariable String caseId, CommandRequest request, @Valid @RequestBody ChildConversationSkip body) {
        return commands.send(request, body, caseId, now -> new SkipTalkWithChild(caseId, request.expectedVersion(), request.actor(), now, body));
    }

    @PostMapping("/parent-conversations")
    @Operation(summary = "Gesprek met de ouders vastleggen (stap 3 en later), met kindcheck")
    ResponseEntity<CommandAccepted> talkToParents(@PathVariable String caseId, CommandRequest request, @Valid @RequestBody ParentConversation body) {
        return commands.send(request, body, caseId, now -> new TalkToParents(caseId, request.expectedVersion(), request.actor(), body.heldAt(), body));
    }

    @PostMapping("/parent-conversations/skipped")
    @Operation(summary = "Stap 3: afzien van het gesprek met de ouders, om een toegestane reden en na advies van Veilig Thuis")
    ResponseEntity<CommandAccepted> skipTalkWithParents(@PathVariable String caseId, CommandRequest request, @Valid @RequestBody ParentContactSkip body) {
        return commands.send(request, body, caseId, now -> new SkipTalkWithParents(caseId, request.expectedVersion(), request.actor(), now, body));
    }

    @PostMapping("/consents")
    @Operation(summary = "Toestemming of weigering van de ouders vastleggen om de leerling met externen te bespreken")
    ResponseEntity<CommandAccepted> recordConsent(@PathVariable String caseId, CommandRequest request, @Valid @RequestBody Consent body) {
        return commands.send(request, body, caseId, now -> new RecordConsent(caseId, request.expectedVersion(), request.actor(), body.answeredAt(), body));
    }
}
