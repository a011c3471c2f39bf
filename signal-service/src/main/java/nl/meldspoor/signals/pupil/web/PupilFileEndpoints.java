package nl.meldspoor.signals.pupil.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.meldspoor.api.access.RecordKind;
import nl.meldspoor.api.common.Identifiers;
import nl.meldspoor.api.common.Limits;
import nl.meldspoor.api.signal.AddParentView;
import nl.meldspoor.api.signal.AnswerCorrectionRequest;
import nl.meldspoor.api.signal.CorrectSignal;
import nl.meldspoor.api.signal.CorrectionAnswer;
import nl.meldspoor.api.signal.CorrectionRequest;
import nl.meldspoor.api.signal.EscalateSignals;
import nl.meldspoor.api.signal.Escalation;
import nl.meldspoor.api.signal.ParentView;
import nl.meldspoor.api.signal.RecordSignal;
import nl.meldspoor.api.signal.RequestSignalCorrection;
import nl.meldspoor.api.signal.SignalContent;
import nl.meldspoor.api.signal.SignalCorrection;
import nl.meldspoor.api.signal.SignalRecording;
import nl.meldspoor.signals.pupil.state.PupilFileView;
import nl.meldspoor.platform.access.AccessLog;
import nl.meldspoor.platform.access.AccessLogUnavailableException;
import nl.meldspoor.platform.commands.CommandAccepted;
import nl.meldspoor.platform.commands.CommandExecutor.Outcome;
import nl.meldspoor.platform.commands.CommandExecutor;
import nl.meldspoor.platform.security.Caller;
import nl.meldspoor.platform.web.CommandRequest;
import nl.meldspoor.signals.access.SignalReaders;
import nl.meldspoor.signals.pupil.history.PupilFileHistory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/pupils/{pupilRef}")
@Tag(name = "Signalen", description = "Het zorglogboek per leerling: signalen, correcties, zienswijzen en opschalen naar de meldcode")
class PupilFileEndpoints {

    private static final List<String> URGENT_ADVICE = List.of(
            "Dit is een urgent signaal (onthulling of eergerelateerd geweld): de intern begeleider, de aandachtsfunctionaris en de directeur worden direct gewaarschuwd.",
            "Neem nu contact op met Veilig Thuis (0800-2000).",
            "Voer niet eerst een gesprek met de ouders.");

    static final String LOOK_BACK_UNAVAILABLE = "Het signaal is vastgelegd, maar eerdere signalen kunnen nu niet worden getoond. "
            + "Bespreek het signaal met de intern begeleider.";

    private final CommandExecutor commands;
    private final LookBacks lookBacks;
    private final PupilFileHistory history;
    private final Clock clock;
    private final AccessLog accessLog;

    PupilFileEndpoints(CommandExecutor commands, LookBacks lookBacks, PupilFileHistory history, Clock clock, AccessLog accessLog) {
        this.accessLog = accessLog;
        this.commands = commands;
        this.lookBacks = lookBacks;
        this.history = history;
        this.clock = clock;
    }

    /**
     * The answer to a recorded signal: its id, the look-back the seeds ask for, and what to do now on the urgent path.
     *
     * @param lookBack absent only when the access log could not record the look-up (then {@code advice} says so)
     */
    record SignalAccepted(String signalId, String pupilRef, long version, boolean urgentPath, List<String> advice, LookBacks.LookBack lookBack) {
    }

    /** An escalation is accepted; the case-service opens the case with this id. */
    record EscalationAccepted(String caseId, String pupilRef, long version, String note) {
    }

    @PostMapping("/signals")
    @Operation(summary = "Een signaal vastleggen (stap 1) voor een leerling die op de school is ingeschreven; het antwoord toont eerdere signalen van de leerling en van broers en zussen op deze school, voor zover u ze mag lezen (een leerkracht: alleen dat ze er zijn), en de inzage wordt vastgelegd")
    ResponseEntity<SignalAccepted> record(@PathVariable @Pattern(regexp = Identifiers.PUPIL_REF, message = Limits.NOT_A_REFERENCE) String pupilRef, CommandRequest request,
                                          HttpServletRequest http, @Valid @RequestBody SignalRecording body) {
        String signalId = UUID.randomUUID().toString();
        SignalContent content = body.recordedBy(request.actor());
        ResponseEntity<CommandAccepted> accepted = commands.execute(request, body,
                new Outcome(pupilRef, signalId, HttpStatus.CREATED, URI.create("/api/pupils/" + pupilRef + "/signals/" + signalId)),
                () -> new RecordSignal(pupilRef, request.expectedVersion(), request.actor(), clock.instant(), signalId, content,
                        body.schoolId(), body.familyRef(), body.bodyMap()));
        String recordedId = accepted.getBody().id();
        boolean urgent = content.isUrgent();
        List<String> advice = new ArrayList<>(urgent ? URGENT_ADVICE : List.of());
        LookBacks.LookBack lookBack;
        try {
            // the command has checked that the caller works at the school and that the pupil is registered there
            lookBack = lookBacks.of(request.caller(), body.schoolId(), pupilRef, recordedId, http);
        } catch (AccessLogUnavailableException e) {
            // The signal is stored and its id must reach the recorder; only the history stays unshown without its log record.
            lookBack = null;
            advice.add(LOOK_BACK_UNAVAILABLE);
        }
        return ResponseEntity.status(accepted.getStatusCode()).headers(accepted.getHeaders())
                .body(new SignalAccepted(recordedId, pupilRef, accepted.getBody().version(), urgent, List.copyOf(advice), lookBack));
    }

    @PostMapping("/signals/{signalId}/corrections")
    @Operation(summary = "Een signaal corrigeren met een reden; het origineel blijft in de geschiedenis")
    ResponseEntity<CommandAccepted> correct(@PathVariable @Pattern(regexp = Identifiers.PUPIL_REF, message = Limits.NOT_A_REFERENCE) String pupilRef, @PathVariable String signalId, CommandRequest request,
                                            @Valid @RequestBody SignalCorrection body) {
        return commands.update(request, body, pupilRef,
                () -> new CorrectSignal(pupilRef, request.expectedVersion(), request.actor(), clock.instant(), signalId, body));
    }

    @PostMapping("/signals/{signalId}/parent-views")
    @Operation(summary = "De zienswijze van de ouders bij een signaal vastleggen")
    ResponseEntity<CommandAccepted> addParentView(@PathVariable @Pattern(regexp = Identifiers.PUPIL_REF, message = Limits.NOT_A_REFERENCE) String pupilRef, @PathVariable String signalId, CommandRequest request,
                                                  @Valid @RequestBody ParentView body) {
        return commands.update(request, body, pupilRef,
                () -> new AddParentView(pupilRef, request.expectedVersion(), request.actor(), clock.instant(), signalId, body));
    }

    @PostMapping("/signals/{signalId}/correction-requests")
    @Operation(summary = "Een schriftelijk verzoek van ouders tot correctie registreren; het antwoord volgt binnen vier weken")
    ResponseEntity<CommandAccepted> requestCorrection(@PathVariable @Pattern(regexp = Identifiers.PUPIL_REF, message = Limits.NOT_A_REFERENCE) String pupilRef, @PathVariable String signalId, CommandRequest request,
                                                      @Valid @RequestBody CorrectionRequest body) {
        String requestId = UUID.randomUUID().toString();
        return commands.execute(request, body,
                new Outcome(pupilRef, requestId, HttpStatus.CREATED,
                        URI.create("/api/pupils/" + pupilRef + "/signals/" + signalId + "/correction-requests/" + requestId)),
                () -> new RequestSignalCorrection(pupilRef, request.expectedVersion(), request.actor(), clock.instant(), signalId, requestId, body));
    }

    @PostMapping("/signals/{signalId}/correction-requests/{requestId}/answer")
    @Operation(summary = "Een verzoek tot correctie beantwoorden: inwilligen met de gecorrigeerde tekst, of afwijzen met uitleg")
    ResponseEntity<CommandAccepted> answerCorrectionRequest(@PathVariable @Pattern(regexp = Identifiers.PUPIL_REF, message = Limits.NOT_A_REFERENCE) String pupilRef, @PathVariable String signalId,
                                                            @PathVariable String requestId, CommandRequest request,
                                                            @Valid @RequestBody CorrectionAnswer body) {
        return commands.update(request, body, pupilRef,
                () -> new AnswerCorrectionRequest(pupilRef, request.expectedVersion(), request.actor(), clock.instant(), signalId, requestId, body));
    }

    @PostMapping("/escalations")
    @Operation(summary = "Een dossier meldcode openen met signalen van deze leerling; de case-service opent het dossier")
    ResponseEntity<EscalationAccepted> escalate(@PathVariable @Pattern(regexp = Identifiers.PUPIL_REF, message = Limits.NOT_A_REFERENCE) String pupilRef, CommandRequest request, @Valid @RequestBody Escalation body) {
        String caseId = UUID.randomUUID().toString();
        ResponseEntity<CommandAccepted> accepted = commands.execute(request, body,
                new Outcome(pupilRef, caseId, HttpStatus.ACCEPTED, URI.create("/api/cases/" + caseId)),
                () -> new EscalateSignals(pupilRef, request.expectedVersion(), request.actor(), clock.instant(), caseId, body));
        return ResponseEntity.status(accepted.getStatusCode()).headers(accepted.getHeaders())
                .body(new EscalationAccepted(accepted.getBody().id(), pupilRef, accepted.getBody().version(),
                        "Het dossier meldcode wordt in de case-service geopend onder dit kenmerk, met de gekozen signalen."));
    }

    @GetMapping("/signals")
    @Operation(summary = "Het zorglogboek van de leerling: elk signaal zoals vastgelegd en zoals het nu luidt, met correcties, zienswijzen, verzoeken en dossiers")
    PupilFileView file(Caller caller, HttpServletRequest request, @PathVariable @Pattern(regexp = Identifiers.PUPIL_REF, message = Limits.NOT_A_REFERENCE) String pupilRef) {
        PupilFileView visible = SignalReaders.visibleTo(caller, history.read(pupilRef));
        visible.signals().stream().map(PupilFileView.SignalView::schoolId).distinct()
                .forEach(school -> accessLog.record(caller, school, RecordKind.PUPIL_SIGNALS, pupilRef, request));
        return visible;
    }
}
