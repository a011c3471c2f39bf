package nl.meldspoor.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.meldspoor.web.services.Pupil;
import nl.meldspoor.web.services.RecordedSignal;
import nl.meldspoor.web.services.ServiceRefusal;
import nl.meldspoor.web.services.Services;
import nl.meldspoor.web.services.StaffRole;
import nl.meldspoor.web.signal.LookBacks;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Signaal vastleggen" (UI.md screen 2): find the pupil by the start of a name, then when, where, what, statements as
 * Feit or Interpretatie, others present by initials, the urgent flags. The signal-service decides; its refusals come
 * back next to the field they concern with everything typed kept. Marks on the body map are added and removed with a
 * form post that shows the page again with everything kept, so they work without JavaScript.
 */
@Controller
class RecordSignalPage {

    private static final Pattern STATEMENT_FIELD = Pattern.compile("statements\\[(\\d+)]\\.?(.*)");
    private static final Pattern MARK_FIELD = Pattern.compile("bodyMap\\[(\\d+)]\\.?(.*)");
    private static final Map<String, String> MARK_FIELDS = Map.of("region", "plek", "view", "aanzicht", "side", "zijde", "kind", "soort",
            "sizeCm", "grootte", "colour", "kleur", "description", "omschrijving");

    /** As many rows as the service takes marks; it refuses more itself (TOO_MANY_BODY_MARKS) as well. */
    static final int MAX_MARKS = 30;

    private final Services services;
    private final LookBacks lookBacks;

    RecordSignalPage(Services services, LookBacks lookBacks) {
        this.services = services;
        this.lookBacks = lookBacks;
    }

    @GetMapping("/signalen/nieuw")
    String form(Model model) {
        model.addAttribute("form", SignalForm.startingNow());
        return show(model, List.of(), new Errors());
    }

    /** The htmx fragment with the pupils found while typing; without JavaScript the "Zoek" button does the same. */
    @GetMapping("/signalen/leerlingen")
    String pupils(@RequestParam(defaultValue = "") String naam, HttpServletRequest request, Model model) {
        SignalForm form = new SignalForm();
        form.setNaam(naam);
        model.addAttribute("form", form);
        Errors errors = new Errors();
        model.addAttribute("pupils", search(request, naam, errors));
        model.addAttribute("errors", errors);
        return "signal-new :: leerlingen";
    }

    /**
     * The htmx fragment with the look-back the moment the pupil is chosen (UI.md flow A): whether there are earlier
     * signals of the pupil or siblings and whom to talk to, as the signal-service rules it for this person. Without
     * JavaScript "Kies deze leerling" shows the same on the form itself.
     */
    @GetMapping("/signalen/terugblik")
    String lookBack(@RequestParam(defaultValue = "") String leerling, HttpServletRequest request, Model model) {
        SignalForm form = new SignalForm();
        form.setLeerling(leerling);
        lookBackInto(model, form, request);
        model.addAttribute("words", SignalWords.INSTANCE);
        return "signal-lookback :: terugblik";
    }

    /** "Kies deze leerling" without JavaScript: the form again, as typed, with the chosen pupil's look-back. */
    @PostMapping(value = "/signalen/nieuw", params = "actie=kiezen")
    String choosePupil(@ModelAttribute("form") SignalForm form, HttpServletRequest request, Model model) {
        Errors errors = new Errors();
        if (form.pupilRef().isBlank()) {
            errors.add("naam", "Zoek en kies de leerling.");
        } else {
            lookBackInto(model, form, request);
            model.addAttribute("focus", "terugblik");
        }
        return again(model, form, request, errors);
    }

    /**
     * "Controleren" (UI.md flow A step 4): what the form can check itself is checked here; then a page shows everything
     * typed, to change ("Wijzigen": back to the form with nothing lost) or to save ("Opslaan").
     */
    @PostMapping(value = "/signalen/nieuw", params = "actie=controleren")
    String check(@ModelAttribute("form") SignalForm form, HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
                 Model model) {
        Errors errors = locallyChecked(form);
        if (errors.any()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return refused(model, form, request, errors);
        }
        List<Pupil> pupils = form.getNaam().strip().length() >= 2 ? search(request, form.getNaam(), new Errors()) : List.of();
        model.addAttribute("pupil", pupils.stream().filter(pupil -> pupil.pupilRef().equals(form.pupilRef()))
                .map(Pupil::label).findFirst().orElse(form.getNaam()));
        model.addAttribute("bodyMap", BodyMap.WORDS);
        model.addAttribute("words", SignalWords.INSTANCE);
        return "signal-check";
    }

    /** "Wijzigen" on the check page: the form again with everything typed, the field to change in focus. */
    @PostMapping(value = "/signalen/nieuw", params = "wijzig")
    String change(@ModelAttribute("form") SignalForm form, @RequestParam String wijzig, HttpServletRequest request, Model model) {
        model.addAttribute("focus", wijzig);
        return again(model, form, request, new Errors());
    }

    private void lookBackInto(Model model, SignalForm form, HttpServletRequest request) {
        if (form.pupilRef().isBlank()) {
            return;
        }
        try {
            model.addAttribute("lookBack", lookBacks.lookBack(school(request), form.pupilRef()));
        } catch (ServiceRefusal refusal) {
            if (refusal.status() == HttpStatus.UNAUTHORIZED.value()) {
                throw refusal;
            }
            // recording goes on without it: the look-back is shown again with the saved signal's answer
            model.addAttribute("lookBackUnavailable", refusal.hidden() || refusal.status() >= 500 || refusal.detail() == null
                    ? "Eerdere signalen kunnen nu niet worden getoond. Bespreek het signaal met de intern begeleider." : refusal.detail());
        }
        model.addAttribute("lookBackPupil", form.pupilRef());
    }

    /** What the page checks before anything is sent: a pupil is chosen, sizes of marks are numbers. */
    private static Errors locallyChecked(SignalForm form) {
        Errors errors = new Errors();
        if (form.pupilRef().isBlank()) {
            errors.add("naam", "Zoek en kies de leerling.");
            return errors;
        }
        for (int slot : form.sentMarks()) {
            if (!form.getMarkeringen().get(slot).sizeReadable()) {
                errors.add("markeringen" + slot + ".grootte", "Vul de grootte in als getal in cm, bijvoorbeeld 2,5.");
            }
        }
        return errors;
    }

    @PostMapping(value = "/signalen/nieuw", params = "actie=zoeken")
    String searchPupil(@ModelAttribute("form") SignalForm form, HttpServletRequest request, Model model) {
        Errors errors = new Errors();
        List<Pupil> pupils = search(request, form.getNaam(), errors);
        return show(model, pupils, errors);
    }

    /**
     * "Markering toevoegen": one more row for a mark; a tap on the figure sends the place it chose along
     * ({@code nieuwePlek}, {@code nieuwAanzicht}, {@code nieuweZijde}), without script the row starts empty.
     */
    @PostMapping(value = "/signalen/nieuw", params = "actie=markering-toevoegen")
    String addMark(@ModelAttribute("form") SignalForm form, @RequestParam(defaultValue = "") String nieuwePlek,
                   @RequestParam(defaultValue = "") String nieuwAanzicht, @RequestParam(defaultValue = "") String nieuweZijde,
                   HttpServletRequest request, Model model) {
        if (form.getMarkeringen().size() >= MAX_MARKS) {
            Errors errors = new Errors();
            errors.add("lichaamskaart", "Je kunt hoogstens " + MAX_MARKS + " markeringen vastleggen.");
            return again(model, form, request, errors);
        }
        SignalForm.Markering mark = new SignalForm.Markering();
        mark.setPlek(BodyMap.REGIONS.containsKey(nieuwePlek) ? nieuwePlek : "");
        mark.setAanzicht(BodyMap.VIEWS.containsKey(nieuwAanzicht) ? nieuwAanzicht : "FRONT");
        mark.setZijde(BodyMap.SIDES.containsKey(nieuweZijde) ? nieuweZijde : "");
        form.getMarkeringen().add(mark);
        model.addAttribute("focus", "markeringen" + (form.getMarkeringen().size() - 1) + ".plek");
        return again(model, form, request, new Errors());
    }

    /** "Markering verwijderen": the button's value is the row; the other rows and everything else stay as typed. */
    @PostMapping(value = "/signalen/nieuw", params = "verwijder")
    String removeMark(@ModelAttribute("form") SignalForm form, @RequestParam int verwijder, HttpServletRequest request, Model model) {
        if (verwijder >= 0 && verwijder < form.getMarkeringen().size()) {
            form.getMarkeringen().remove(verwijder);
        }
        model.addAttribute("focus", "lichaamskaart-titel");
        return again(model, form, request, new Errors());
    }

    @PostMapping(value = "/signalen/nieuw", params = "actie=opslaan")
    String record(@ModelAttribute("form") SignalForm form, HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
                  Model model, RedirectAttributes redirect) {
        Errors errors = locallyChecked(form);
        if (errors.any()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return refused(model, form, request, errors);
        }
        try {
            RecordedSignal recorded = services.recordSignal(form.pupilRef(), form.recording(school(request)), form.getSleutel());
            redirect.addFlashAttribute("recorded", recorded);
            return "redirect:/signalen/vastgelegd";
        } catch (ServiceRefusal refusal) {
            if (refusal.hidden() || refusal.status() == HttpStatus.UNAUTHORIZED.value() || refusal.status() >= 500) {
                throw refusal;
            }
            List<Integer> sent = sentStatements(form);
            List<Integer> sentMarks = form.sentMarks();
            refusal.errors().forEach(error -> errors.add(fieldOf(error.field(), sent, sentMarks), error.reason()));
            if (refusal.errors().isEmpty()) {
                errors.add(null, refusal.detail() != null ? refusal.detail() : "De signaalregistratie weigerde dit signaal.");
            }
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return refused(model, form, request, errors);
        }
    }

    @GetMapping("/signalen/vastgelegd")
    String recorded(Model model) {
        if (!model.containsAttribute("recorded")) {
            return "redirect:/";
        }
        model.addAttribute("words", SignalWords.INSTANCE);
        return "signal-recorded";
    }

    private String refused(Model model, SignalForm form, HttpServletRequest request, Errors errors) {
        return again(model, form, request, errors);
    }

    /** The form once more, as typed, with the pupils the name still finds. */
    private String again(Model model, SignalForm form, HttpServletRequest request, Errors errors) {
        List<Pupil> pupils = form.getNaam().strip().length() >= 2 ? search(request, form.getNaam(), new Errors()) : List.of();
        return show(model, pupils, errors);
    }

    private String show(Model model, List<Pupil> pupils, Errors errors) {
        SignalForm form = (SignalForm) model.getAttribute("form");
        model.addAttribute("figures", BodyMap.figures(form == null ? List.of() : form.getMarkeringen()));
        model.addAttribute("pupils", pupils);
        model.addAttribute("errors", errors);
        model.addAttribute("bodyMap", BodyMap.WORDS);
        model.addAttribute("words", SignalWords.INSTANCE);
        return "signal-new";
    }

    private List<Pupil> search(HttpServletRequest request, String name, Errors errors) {
        if (name == null || name.strip().length() < 2) {
            errors.add("naam", "Typ minstens twee letters van de voor- of achternaam.");
            return List.of();
        }
        try {
            List<Pupil> found = services.findPupils(school(request), name.strip()).stream().filter(pupil -> !pupil.erased()).toList();
            if (found.isEmpty()) {
                errors.add("naam", "Geen leerling gevonden waarvan de naam begint met \u201c" + name.strip() + "\u201d.");
            }
            return found;
        } catch (ServiceRefusal refusal) {
            if (refusal.hidden() || refusal.status() == HttpStatus.UNAUTHORIZED.value() || refusal.status() >= 500) {
                throw refusal;
            }
            refusal.errors().forEach(error -> errors.add("naam", error.reason()));
            return List.of();
        }
    }

    /** The school the person acts for: signals are recorded where the pupil is, by its staff. */
    private String school(HttpServletRequest request) {
        StaffRole acting = TodayPage.actingRole(request, services.me());
        return acting == null ? "" : acting.scope();
    }

    /** Which form slot each statement sent to the service came from (empty slots are not sent). */
    private static List<Integer> sentStatements(SignalForm form) {
        List<Integer> sent = new ArrayList<>();
        for (int slot = 0; slot < form.getUitspraken().size(); slot++) {
            if (!form.getUitspraken().get(slot).getTekst().isBlank()) {
                sent.add(slot);
            }
        }
        return sent;
    }

    /** The form field a service's field path concerns, or null for the summary only. */
    static String fieldOf(String serviceField, List<Integer> sentStatements) {
        return fieldOf(serviceField, sentStatements, List.of());
    }

    /** The form field a service's field path concerns; {@code bodyMap[i].side} is the side of the i-th mark sent. */
    static String fieldOf(String serviceField, List<Integer> sentStatements, List<Integer> sentMarks) {
        if (serviceField == null) {
            return null;
        }
        Matcher mark = MARK_FIELD.matcher(serviceField);
        if (mark.matches()) {
            int index = Integer.parseInt(mark.group(1));
            int slot = index < sentMarks.size() ? sentMarks.get(index) : index;
            String part = mark.group(2).replaceAll("[.\\[].*", "");
            return "markeringen" + slot + "." + MARK_FIELDS.getOrDefault(part, "plek");
        }
        Matcher statement = STATEMENT_FIELD.matcher(serviceField);
        if (statement.matches()) {
            int index = Integer.parseInt(statement.group(1));
            int slot = index < sentStatements.size() ? sentStatements.get(index) : index;
            return statement.group(2).startsWith("source") ? "uitspraken" + slot + ".bron" : "uitspraken" + slot + ".tekst";
        }
        String root = serviceField.replaceAll("[.\\[].*", "");
        return switch (root) {
            case "place" -> "plaats";
            case "situation" -> "situatie";
            case "category" -> "categorie";
            case "observedAt" -> "datum";
            case "statements" -> "uitspraken0.tekst";
            case "othersPresent" -> "aanwezig";
            case "flags" -> "onthulling1";
            case "bodyMap" -> "lichaamskaart";
            case "schoolId", "familyRef", "pupilRef" -> "naam";
            default -> null;
        };
    }

    /** The refusals per form field (in the order the service gave them) and for the summary. */
    public static class Errors {
        private final Map<String, List<String>> byField = new LinkedHashMap<>();
        private final List<String[]> summary = new ArrayList<>();

        void add(String field, String message) {
            if (field != null) {
                byField.computeIfAbsent(field, key -> new ArrayList<>()).add(message);
            }
            summary.add(new String[] {field == null ? "" : "#" + field, message});
        }

        public boolean any() {
            return !summary.isEmpty();
        }

        public boolean has(String field) {
            return byField.containsKey(field);
        }

        public String of(String field) {
            return String.join(" ", byField.getOrDefault(field, List.of()));
        }

        public List<String[]> summary() {
            return summary;
        }
    }
}
