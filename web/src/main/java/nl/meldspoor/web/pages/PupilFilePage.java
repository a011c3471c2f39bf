package nl.meldspoor.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.meldspoor.web.meldcase.CaseWork;
import nl.meldspoor.web.meldcase.Colleague;
import nl.meldspoor.web.meldcase.Crumb;
import nl.meldspoor.web.meldcase.FormErrors;
import nl.meldspoor.web.services.Pupil;
import nl.meldspoor.web.services.PupilFile;
import nl.meldspoor.web.services.ServiceRefusal;
import nl.meldspoor.web.services.Services;
import nl.meldspoor.web.services.StaffRole;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Mijn signalen" and the zorglogboek (UI.md screens 1 and 3) and "Opschalen" (screen 4). The signal-service decides
 * what each person reads: a teacher gets the signals they recorded, the IB'er, AF and principal all signals of their
 * school; the page shows what it returns, never more, and escalation is the service's command with its refusals.
 */
@Controller
class PupilFilePage {

    /** Who reads the school's signals and may escalate them (the service checks it again). */
    private static final Set<String> READERS = Set.of("CARE_COORDINATOR", "ADVISOR", "PRINCIPAL");
    /** Who may correct any signal and answer the parents' correction requests (the service checks it again). */
    private static final Set<String> RESPONSIBLE = Set.of("CARE_COORDINATOR", "PRINCIPAL");
    private static final Map<String, String> ESCALATION_FIELDS = Map.of(
            "concern", "zorg", "signalIds", "signalen", "schoolId", "signalen", "team.casemanagerId", "casemanager",
            "team.advisorId", "aandachtsfunctionaris", "team.advisorSchoolId", "aandachtsfunctionarisSchool", "team.principalId", "directeur");

    /** How the error summary names each field of "Opschalen" (its label on the page). */
    private static final Map<String, String> ESCALATION_LABELS = Map.of("zorg", "Wat is je zorg?", "signalen", "Signalen",
            "casemanager", "Casemanager", "aandachtsfunctionaris", "Aandachtsfunctionaris",
            "aandachtsfunctionarisAnders", "Aandachtsfunctionaris van een andere school",
            "aandachtsfunctionarisSchool", "School van de aandachtsfunctionaris", "directeur", "Directeur");
    /** The choice in the aandachtsfunctionaris list that says "someone of another school, typed below". */
    static final String OTHER_SCHOOL = "andere-school";

    private final Services services;
    private final CaseWork cases;

    PupilFilePage(Services services, CaseWork cases) {
        this.services = services;
        this.cases = cases;
    }

    /** "Mijn signalen": find the pupil by name; the pupil's zorglogboek shows the signals this person may read. */
    @GetMapping("/signalen")
    String mine(@RequestParam(defaultValue = "") String naam, HttpServletRequest request, Model model) {
        StaffRole acting = TodayPage.actingRole(request, services.me());
        RecordSignalPage.Errors errors = new RecordSignalPage.Errors();
        List<Pupil> pupils = List.of();
        if (!naam.isBlank()) {
            if (naam.strip().length() < 2) {
                errors.add("naam", "Typ minstens twee letters van de voor- of achternaam.");
            } else {
                try {
                    pupils = services.findPupils(acting == null ? "" : acting.scope(), naam.strip()).stream().filter(pupil -> !pupil.erased()).toList();
                    if (pupils.isEmpty()) {
                        errors.add("naam", "Geen leerling gevonden waarvan de naam begint met \u201c" + naam.strip() + "\u201d.");
                    }
                } catch (ServiceRefusal refusal) {
                    if (refusal.hidden() || refusal.status() == 401 || refusal.status() >= 500) {
                        throw refusal;
                    }
                    refusal.errors().forEach(error -> errors.add("naam", error.reason()));
                }
            }
        }
        model.addAttribute("naam", naam);
        model.addAttribute("pupils", pupils);
        model.addAttribute("errors", errors);
        model.addAttribute("reader", acting != null && READERS.contains(acting.role()));
        return "signals-mine";
    }

    @GetMapping("/leerlingen/{pupilRef}/zorglogboek")
    String file(@PathVariable String pupilRef, HttpServletRequest request, Model model) {
        StaffRole acting = TodayPage.actingRole(request, services.me());
        Pupil pupil = services.pupil(pupilRef);
        PupilFile file = services.pupilFile(pupilRef);
        model.addAttribute("pupil", pupil);
        model.addAttribute("file", file);
        model.addAttribute("reader", acting != null && READERS.contains(acting.role()));
        model.addAttribute("responsible", acting != null && RESPONSIBLE.contains(acting.role()));
        model.addAttribute("personId", services.me().personId());
        model.addAttribute("words", SignalWords.INSTANCE);
        model.addAttribute("bodyMap", BodyMap.WORDS);
        model.addAttribute("errors", new RecordSignalPage.Errors());
        model.addAttribute("breadcrumbs", Crumb.trail(new Crumb("Zorglogboek " + pupil.givenName() + " " + pupil.familyName(),
                "/leerlingen/" + pupilRef + "/zorglogboek")));
        return "pupil-file";
    }

    /** "Opschalen": the chosen signals, the concern and the team; without a chosen signal the zorglogboek says so. */
    @GetMapping("/leerlingen/{pupilRef}/opschalen")
    String escalation(@PathVariable String pupilRef, @RequestParam(name = "signaal", required = false) List<String> signals,
                      HttpServletRequest request, HttpServletResponse response, Model model) {
        if (signals == null || signals.isEmpty()) {
            String page = file(pupilRef, request, model);
            RecordSignalPage.Errors errors = new RecordSignalPage.Errors();
            errors.add("signalen", "Kies een of meer signalen om op te schalen.");
            model.addAttribute("errors", errors);
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return page;
        }
        StaffRole acting = TodayPage.actingRole(request, services.me());
        EscalationForm form = new EscalationForm();
        form.setSignalen(signals);
        form.setCasemanager(services.me().personId());
        form.setAandachtsfunctionarisSchool(acting == null ? "" : acting.scope());
        model.addAttribute("form", form);
        return showEscalation(pupilRef, acting, model, new FormErrors());
    }

    @PostMapping("/leerlingen/{pupilRef}/opschalen")
    String escalate(@PathVariable String pupilRef, @ModelAttribute("form") EscalationForm form, HttpServletRequest request,
                    HttpServletResponse response, Model model) {
        StaffRole acting = TodayPage.actingRole(request, services.me());
        try {
            String caseId = services.escalate(pupilRef, form.escalation(acting == null ? "" : acting.scope()), form.getSleutel());
            return "redirect:/leerlingen/" + pupilRef + "/opgeschaald?dossier=" + caseId;
        } catch (ServiceRefusal refusal) {
            if (refusal.hidden() || refusal.status() == 401 || refusal.status() >= 500) {
                throw refusal;
            }
            FormErrors errors = new FormErrors();
            refusal.errors().forEach(error -> {
                String field = escalationField(error.field());
                if (field != null && "aandachtsfunctionaris".equals(field) && form.otherSchool()) {
                    field = "aandachtsfunctionarisAnders";
                }
                errors.add(field, ESCALATION_LABELS.get(field), field, error.reason());
            });
            if (refusal.errors().isEmpty()) {
                errors.add(refusal.detail() != null ? refusal.detail() : "De signaalregistratie weigerde de opschaling.");
            }
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return showEscalation(pupilRef, acting, model, errors);
        }
    }

    /** The case-service opens the case after the signal-service's 202: the page says so and links to the case. */
    @GetMapping("/leerlingen/{pupilRef}/opgeschaald")
    String escalated(@PathVariable String pupilRef, @RequestParam String dossier, Model model) {
        model.addAttribute("pupilRef", pupilRef);
        model.addAttribute("caseId", dossier);
        model.addAttribute("breadcrumbs", Crumb.trail(new Crumb("Zorglogboek", "/leerlingen/" + pupilRef + "/zorglogboek"),
                new Crumb("Opgeschaald", "")));
        return "pupil-escalated";
    }

    private String showEscalation(String pupilRef, StaffRole acting, Model model, FormErrors errors) {
        Pupil pupil = services.pupil(pupilRef);
        model.addAttribute("pupil", pupil);
        model.addAttribute("errors", errors);
        List<Colleague> colleagues = colleagues(acting);
        model.addAttribute("casemanagers", colleagues.stream().filter(c -> c.holdsAny(Set.of("CARE_COORDINATOR", "ADVISOR"))).toList());
        model.addAttribute("advisors", colleagues.stream().filter(c -> c.holdsAny(Set.of("ADVISOR"))).toList());
        model.addAttribute("principals", colleagues.stream().filter(c -> c.holdsAny(Set.of("PRINCIPAL"))).toList());
        model.addAttribute("otherSchool", OTHER_SCHOOL);
        model.addAttribute("breadcrumbs", Crumb.trail(new Crumb("Zorglogboek " + pupil.givenName() + " " + pupil.familyName(),
                "/leerlingen/" + pupilRef + "/zorglogboek"), new Crumb("Opschalen", "")));
        return "pupil-escalate";
    }

    /** The acting school's staff by name and role for the team pickers; none (text boxes instead) when the directory refuses. */
    private List<Colleague> colleagues(StaffRole acting) {
        if (acting == null) {
            return List.of();
        }
        try {
            return cases.colleagues(acting.scope());
        } catch (ServiceRefusal refusal) {
            if (refusal.status() == 401) {
                throw refusal;
            }
            return List.of();
        }
    }

    static String escalationField(String serviceField) {
        if (serviceField == null) {
            return null;
        }
        String path = serviceField.replaceAll("\\[\\d+]", "");
        return ESCALATION_FIELDS.getOrDefault(path, ESCALATION_FIELDS.getOrDefault(path.replaceAll("\\..*", ""), null));
    }

    /** What the person typed into "Opschalen", kept as typed. */
    public static class EscalationForm {
        private List<String> signalen = new ArrayList<>();
        private String zorg = "";
        private String casemanager = "";
        private String aandachtsfunctionaris = "";
        private String aandachtsfunctionarisSchool = "";
        private String aandachtsfunctionarisAnders = "";
        private String directeur = "";
        private String sleutel = UUID.randomUUID().toString();

        /** The aandachtsfunctionaris comes from another (paired) school: chosen as such, and typed with that school. */
        boolean otherSchool() {
            return OTHER_SCHOOL.equals(aandachtsfunctionaris.strip());
        }

        Map<String, Object> escalation(String schoolId) {
            Map<String, Object> team = new LinkedHashMap<>();
            team.put("casemanagerId", casemanager.strip());
            // an aandachtsfunctionaris of the own school works there; one of another school comes with the school typed
            String school = aandachtsfunctionarisSchool.strip();
            team.put("advisorId", otherSchool() ? aandachtsfunctionarisAnders.strip() : aandachtsfunctionaris.strip());
            team.put("advisorSchoolId", otherSchool() || !school.isEmpty() ? school : schoolId);
            team.put("principalId", directeur.strip());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("schoolId", schoolId);
            body.put("signalIds", List.copyOf(signalen));
            body.put("team", team);
            body.put("concern", zorg);
            return body;
        }

        public List<String> getSignalen() { return signalen; }
        public void setSignalen(List<String> signalen) { this.signalen = signalen == null ? new ArrayList<>() : new ArrayList<>(signalen); }
        public String getZorg() { return zorg; }
        public void setZorg(String zorg) { this.zorg = zorg == null ? "" : zorg; }
        public String getCasemanager() { return casemanager; }
        public void setCasemanager(String casemanager) { this.casemanager = casemanager == null ? "" : casemanager; }
        public String getAandachtsfunctionaris() { return aandachtsfunctionaris; }
        public void setAandachtsfunctionaris(String value) { this.aandachtsfunctionaris = value == null ? "" : value; }
        public String getAandachtsfunctionarisSchool() { return aandachtsfunctionarisSchool; }
        public void setAandachtsfunctionarisSchool(String value) { this.aandachtsfunctionarisSchool = value == null ? "" : value; }
        public String getAandachtsfunctionarisAnders() { return aandachtsfunctionarisAnders; }
        public void setAandachtsfunctionarisAnders(String value) { this.aandachtsfunctionarisAnders = value == null ? "" : value; }
        public String getDirecteur() { return directeur; }
        public void setDirecteur(String directeur) { this.directeur = directeur == null ? "" : directeur; }
        public String getSleutel() { return sleutel; }
        public void setSleutel(String sleutel) { this.sleutel = sleutel; }
    }
}
