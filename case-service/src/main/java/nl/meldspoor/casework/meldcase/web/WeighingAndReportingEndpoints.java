package nl.meldspoor.casework.meldcase.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import nl.meldspoor.api.meldcase.ApproveReportDecision;
import nl.meldspoor.api.meldcase.DecideReport;
import nl.meldspoor.api.meldcase.EvaluateHelp;
import nl.meldspoor.api.meldcase.HelpEvaluation;
import nl.meldspoor.api.meldcase.HelpPlan;
import nl.meldspoor.api.meldcase.InformParentsOfReport;
import nl.meldspoor.api.meldcase.ParentContactSkip;
import nl.meldspoor.api.meldcase.RecordReport;
import nl.meldspoor.api.meldcase.RecordVeiligThuisFeedback;
import nl.meldspoor.api.meldcase.ReportConversation;
import nl.meldspoor.api.meldcase.ReportDecision;
import nl.meldspoor.api.meldcase.ReportDecisionApproval;
import nl.meldspoor.api.meldcase.ReportDecisionSendBack;
import nl.meldspoor.api.meldcase.SendBackReportDecision;
import nl.meldspoor.api.meldcase.SkipInformingParentsOfReport;
import nl.meldspoor.api.meldcase.StartHelp;
import nl.meldspoor.api.meldcase.VeiligThuisFeedback;
import nl.meldspoor.api.meldcase.VeiligThuisReport;
import nl.meldspoor.api.meldcase.WeighConcerns;
import nl.meldspoor.api.meldcase.Weighing;
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
@Tag(name = "Stap 4 en 5", description = "Het afwegingskader, de besluiten, de melding en de hulp")
class WeighingAndReportingEndpoints {

    private final CaseCommands commands;

    WeighingAndReportingEndpoints(CaseCommands commands) {
        this.commands = commands;
    }

    @PostMapping("/afwegingskader")
    @Operation(summary = "Stap 4: de volgende vraag van het afwegingskader beantwoorden (in volgorde; afweging 5 via de evaluatie van de hulp)")
    ResponseEntity<CommandAccepted> weigh(@PathVariable String caseId, CommandRequest request, @Valid @RequestBody Weighing body) {
        return commands.send(request, body, caseId, now -> new WeighConcerns(caseId, request.expectedVersion(), request.actor(), now, body));
    }

    @PostMapping("/report-decision")
    @Operation(summary = "Stap 5: de twee besluiten nemen (melden noodzakelijk? hulp mogelijk?); goedkeuring van de directeur nodig")
    ResponseEntity<CommandAccepted> decide(@PathVariable String caseId, CommandRequest request, @Valid @RequestBody ReportDecision body) {
        return commands.send(request, body, caseId, now -> new DecideReport(caseId, request.expectedVersion(), request.actor(), now, body));
    }

    @PostMapping("/report-decision/approval")
    @Operation(summary = "Stap 5: de verantwoordelijke directeur keurt het besluit over melden goed")
    ResponseEntity<CommandAccepted> approve(@PathVariable String caseId, CommandRequest request, @Valid @RequestBody ReportDecisionApproval body) {
        return commands.send(request, body, caseId, now -> new ApproveReportDecision(caseId, request.expectedVersion(), request.actor(), now, body));
    }

    @PostMapping("/report-decision/send-back")
    @Operation(summary = "Stap 5: de verantwoordelijke directeur stuurt het besluit over melden dat op goedkeuring wacht terug, met een reden; "
            + "het besluit vervalt en wordt opnieuw genomen, en de casemanager krijgt bericht")
    ResponseEntity<CommandAccepted> sendBack(@PathVariable String caseId, CommandRequest request, @Valid @RequestBody ReportDecisionSendBack body) {
        return commands.send(request, body, caseId, now -> new SendBackReportDecision(caseId, request.expectedVersion(), request.actor(), now, body));
    }

    @PostMapping("/report-decision/parents-informed")
    @Operation(summary = "Stap 5: het gesprek met de ouders over de melding vastleggen, met hun bezwaren")
    ResponseEntity<CommandAccepted> informParents(@PathVariable String caseId, CommandRequest request, @Valid @RequestBody ReportConversation body) {
        return commands.send(request, body, caseId, now -> new InformParentsOfReport(caseId, request.expectedVersion(), request.actor(), body.heldAt(), body));
    }

    @PostMapping("/report-decision/parents-not-informed")
    @Operation(summary = "Stap 5: de ouders niet vooraf inlichten, om een toegestane reden en na advies van Veilig Thuis")
    ResponseEntity<CommandAccepted> skipInformingParents(@PathVariable String caseId, CommandRequest request, @Valid @RequestBody ParentContactSkip body) {
        return commands.send(request, body, caseId, now -> new SkipInformingParentsOfReport(caseId, request.expectedVersion(), request.actor(), now, body));
    }

    @PostMapping("/report")
    @Operation(summary = "Stap 5: de melding bij Veilig Thuis vastleggen (namens de directie)")
    ResponseEntity<CommandAccepted> report(@PathVariable String caseId, CommandRequest request, @Valid @RequestBody VeiligThuisReport body) {
        return commands.send(request, body, caseId, now -> new RecordReport(caseId, request.expectedVersion(), request.actor(), body.reportedAt(), body));
    }

    @PostMapping("/veilig-thuis-feedback")
    @Operation(summary = "De terugkoppeling van Veilig Thuis na de melding vastleggen")
    ResponseEntity<CommandAccepted> feedback(@PathVariable String caseId, CommandRequest request, @Valid @RequestBody VeiligThuisFeedback body) {
        return commands.send(request, body, caseId, now -> new RecordVeiligThuisFeedback(caseId, request.expectedVersion(), request.actor(), body.receivedAt(), body));
    }

    @PostMapping("/help")
    @Operation(summary = "Hulp inzetten met termijn, casemanager en taken")
    ResponseEntity<CommandAccepted> startHelp(@PathVariable String caseId, CommandRequest request, @Valid @RequestBody HelpPlan body) {
        return commands.send(request, body, caseId, now -> new StartHelp(caseId, request.expectedVersion(), request.actor(), now, body));
    }

    @PostMapping("/help/evaluation")
    @Operation(summary = "Afweging 5: de hulp op de termijn evalueren")
    ResponseEntity<CommandAccepted> evaluateHelp(@PathVariable String caseId, CommandRequest request, @Valid @RequestBody HelpEvaluation body) {
        return commands.send(request, body, caseId, now -> new EvaluateHelp(caseId, request.expectedVersion(), request.actor(), now, body));
    }
}
