package nl.meldspoor.web.pages;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.function.Function;
import nl.meldspoor.web.services.PupilFile;
import nl.meldspoor.web.services.ServiceRefusal;
import nl.meldspoor.web.services.Services;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The forms at a signal in the zorglogboek (UI.md screen 3): "Signaal corrigeren" (a new version; the original stays
 * visible), "Zienswijze van ouders toevoegen", "Verzoek om correctie vastleggen" and "Verzoek beantwoorden" with its
 * four-week deadline. The signal-service decides who may; its refusal comes back next to the field with everything
 * typed kept, and a sent form goes back to the zorglogboek (post/redirect/get).
 */
@Controller
class SignalCorrectionPages {

    private static final String BASE = "/leerlingen/{pupilRef}/signalen/{signalId}";

    private final Services services;

    SignalCorrectionPages(Services services) {
        this.services = services;
    }

    @GetMapping(BASE + "/corrigeren")
    String correction(@PathVariable String pupilRef, @PathVariable String signalId, Model model) {
        PupilFile.Signal signal = signal(pupilRef, signalId);
        CorrectionForms.CorrectionForm form = new CorrectionForms.CorrectionForm();
        form.fill(signal.current());
        model.addAttribute("form", form);
        return show("signal-correct", pupilRef, signal, model, new RecordSignalPage.Errors());
    }

    @PostMapping(BASE + "/corrigeren")
    String correct(@PathVariable String pupilRef, @PathVariable String signalId, @ModelAttribute("form") CorrectionForms.CorrectionForm form,
                   HttpServletResponse response, Model model) {
        try {
            services.correctSignal(pupilRef, signalId, form.correction(), form.getSleutel());
            return backToFile(pupilRef);
        } catch (ServiceRefusal refusal) {
            return refused("signal-correct", refusal, form::field, "De signaalregistratie weigerde de correctie.", pupilRef, signalId, response, model);
        }
    }

    @GetMapping(BASE + "/zienswijze")
    String parentView(@PathVariable String pupilRef, @PathVariable String signalId, Model model) {
        model.addAttribute("form", new CorrectionForms.ParentViewForm());
        return show("signal-parent-view", pupilRef, signal(pupilRef, signalId), model, new RecordSignalPage.Errors());
    }

    @PostMapping(BASE + "/zienswijze")
    String addParentView(@PathVariable String pupilRef, @PathVariable String signalId, @ModelAttribute("form") CorrectionForms.ParentViewForm form,
                         HttpServletResponse response, Model model) {
        try {
            services.addParentView(pupilRef, signalId, form.view(), form.getSleutel());
            return backToFile(pupilRef);
        } catch (ServiceRefusal refusal) {
            return refused("signal-parent-view", refusal, CorrectionForms.ParentViewForm::field, "De signaalregistratie weigerde de zienswijze.",
                    pupilRef, signalId, response, model);
        }
    }

    @GetMapping(BASE + "/verzoek")
    String correctionRequest(@PathVariable String pupilRef, @PathVariable String signalId, Model model) {
        model.addAttribute("form", new CorrectionForms.RequestForm());
        return show("signal-correction-request", pupilRef, signal(pupilRef, signalId), model, new RecordSignalPage.Errors());
    }

    @PostMapping(BASE + "/verzoek")
    String requestCorrection(@PathVariable String pupilRef, @PathVariable String signalId, @ModelAttribute("form") CorrectionForms.RequestForm form,
                             HttpServletResponse response, Model model) {
        try {
            services.requestCorrection(pupilRef, signalId, form.request(), form.getSleutel());
            return backToFile(pupilRef);
        } catch (ServiceRefusal refusal) {
            return refused("signal-correction-request", refusal, CorrectionForms.RequestForm::field, "De signaalregistratie weigerde het verzoek.",
                    pupilRef, signalId, response, model);
        }
    }

    @GetMapping(BASE + "/verzoeken/{requestId}/beantwoorden")
    String answer(@PathVariable String pupilRef, @PathVariable String signalId, @PathVariable String requestId, Model model) {
        PupilFile.Signal signal = signal(pupilRef, signalId);
        CorrectionForms.AnswerForm form = new CorrectionForms.AnswerForm();
        form.fill(signal.current());
        model.addAttribute("form", form);
        return showAnswer(pupilRef, signal, requestId, model, new RecordSignalPage.Errors());
    }

    @PostMapping(BASE + "/verzoeken/{requestId}/beantwoorden")
    String answerRequest(@PathVariable String pupilRef, @PathVariable String signalId, @PathVariable String requestId,
                         @ModelAttribute("form") CorrectionForms.AnswerForm form, HttpServletResponse response, Model model) {
        RecordSignalPage.Errors errors = new RecordSignalPage.Errors();
        if (form.getBesluit().isBlank()) {
            // granted is a boolean at the service: without a choice it would silently read as refused
            errors.add("besluit", "Kies of je het verzoek inwilligt of afwijst.");
        } else {
            try {
                services.answerCorrectionRequest(pupilRef, signalId, requestId, form.answer(), form.getSleutel());
                return backToFile(pupilRef);
            } catch (ServiceRefusal refusal) {
                errors = errors(refusal, form::field, "De signaalregistratie weigerde het antwoord.");
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return showAnswer(pupilRef, signal(pupilRef, signalId), requestId, model, errors);
    }

    private String showAnswer(String pupilRef, PupilFile.Signal signal, String requestId, Model model, RecordSignalPage.Errors errors) {
        PupilFile.Request request = signal.correctionRequests().stream().filter(candidate -> candidate.requestId().equals(requestId)).findFirst()
                .orElseThrow(() -> new ServiceRefusal(404, "NOT_FOUND", "Onbekend verzoek", List.of()));
        model.addAttribute("request", request);
        return show("signal-correction-answer", pupilRef, signal, model, errors);
    }

    /** The signal as the person may read it; one they may not read looks like one that does not exist. */
    private PupilFile.Signal signal(String pupilRef, String signalId) {
        return services.pupilFile(pupilRef).signals().stream().filter(signal -> signal.signalId().equals(signalId)).findFirst()
                .orElseThrow(() -> new ServiceRefusal(404, "NOT_FOUND", "Onbekend signaal", List.of()));
    }

    private String show(String view, String pupilRef, PupilFile.Signal signal, Model model, RecordSignalPage.Errors errors) {
        model.addAttribute("pupil", services.pupil(pupilRef));
        model.addAttribute("signal", signal);
        model.addAttribute("words", SignalWords.INSTANCE);
        model.addAttribute("errors", errors);
        return view;
    }

    private String refused(String view, ServiceRefusal refusal, Function<String, String> fields, String fallback, String pupilRef, String signalId,
                           HttpServletResponse response, Model model) {
        RecordSignalPage.Errors errors = errors(refusal, fields, fallback);
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return show(view, pupilRef, signal(pupilRef, signalId), model, errors);
    }

    private static RecordSignalPage.Errors errors(ServiceRefusal refusal, Function<String, String> fields, String fallback) {
        if (refusal.hidden() || refusal.status() == 401 || refusal.status() >= 500) {
            throw refusal;
        }
        RecordSignalPage.Errors errors = new RecordSignalPage.Errors();
        refusal.errors().forEach(error -> errors.add(fields.apply(error.field()), error.reason()));
        if (refusal.errors().isEmpty()) {
            errors.add(null, refusal.detail() != null ? refusal.detail() : fallback);
        }
        return errors;
    }

    private static String backToFile(String pupilRef) {
        return "redirect:/leerlingen/" + pupilRef + "/zorglogboek";
    }
}
