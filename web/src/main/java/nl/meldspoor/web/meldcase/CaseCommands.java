package nl.meldspoor.web.meldcase;

import static nl.meldspoor.web.meldcase.CaseCommand.choice;
import static nl.meldspoor.web.meldcase.CaseCommand.field;
import static nl.meldspoor.web.meldcase.CaseCommand.hinted;
import static nl.meldspoor.web.meldcase.CaseCommand.option;
import static nl.meldspoor.web.meldcase.CaseCommand.optional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.meldspoor.web.meldcase.CaseCommand.Field;
import nl.meldspoor.web.meldcase.CaseCommand.Kind;
import nl.meldspoor.web.meldcase.CaseCommand.Option;

/** The case-service's commands (see its OpenAPI document), each as one form on the page where it belongs. */
public final class CaseCommands {

    static final Option[] SKIP_REASONS = {
            option("SAFETY_OF_CHILD", "De veiligheid van het kind"),
            option("SAFETY_OF_REPORTER_OR_OTHERS", "De veiligheid van de melder of anderen"),
            option("PARENTS_LIKELY_TO_BREAK_CONTACT", "Ouders verbreken waarschijnlijk het contact"),
            option("DISCLOSURE", "Het kind heeft iets onthuld"),
            option("HONOUR_RELATED", "Eergerelateerd geweld")};

    private static final Map<String, CaseCommand> ALL = new LinkedHashMap<>();

    /**
     * The high-stakes commands that go through "Controleer en bevestig" first (UI.md principle 1): the report decision,
     * the approval and sending back, a skipped conversation, not informing the parents, closing, and each afweging.
     */
    static final java.util.Set<String> CHECKED = java.util.Set.of("besluit", "goedkeuren", "terugsturen", "gesprek-kind-overslaan",
            "gesprek-ouders-overslaan", "ouders-niet-ingelicht", "sluiten", "afweging");

    static {
        add(new CaseCommand("leerkracht-toevoegen", "teachers", "dossier", "Leerkracht toevoegen", "Leerkracht toevoegen", List.of(
                CaseCommand.person("teacherId", "Leerkracht", "TEACHER"))));
        add(new CaseCommand("collegiale-consultatie", "colleague-consultations", "dossier", "Collegiale consultatie vastleggen", "Consultatie vastleggen", List.of(
                field("consultedAt", Kind.MOMENT, "Wanneer"),
                hinted("colleagueId", Kind.TEXT, "Collega", "De gebruikersnaam van je collega, bijvoorbeeld lk-gijs"),
                hinted("colleagueCapacity", Kind.TEXT, "In welke rol", "Bijvoorbeeld: leerkracht van het broertje"),
                field("discussed", Kind.TEXTAREA, "Wat jullie bespraken"),
                choice("sameSignalsSeen", "Ziet je collega dezelfde signalen?", option("YES", "Ja"), option("NO", "Nee"), option("UNKNOWN", "Weet niet")),
                optional("missingInformation", Kind.TEXTAREA, "Welke informatie ontbreekt nog"))));
        add(new CaseCommand("advies-veilig-thuis", "veilig-thuis-consultations", "dossier", "Advies van Veilig Thuis vastleggen", "Advies vastleggen", List.of(
                field("consultedAt", Kind.MOMENT, "Wanneer"),
                optional("anonymous", Kind.CHECKBOX, "Anoniem gevraagd (zonder naam van het kind)"),
                field("adviceAsked", Kind.TEXTAREA, "Wat je vroeg"),
                field("adviceGiven", Kind.TEXTAREA, "Het advies van Veilig Thuis"),
                optional("veiligThuisReference", Kind.TEXT, "Kenmerk bij Veilig Thuis"))));
        add(new CaseCommand("advies-deskundige", "expert-consultations", "dossier", "Advies van een deskundige vastleggen", "Advies vastleggen", List.of(
                field("consultedAt", Kind.MOMENT, "Wanneer"),
                choice("expert", "Deskundige", option("SCHOOL_SOCIAL_WORK", "Schoolmaatschappelijk werk"), option("YOUTH_DOCTOR", "Jeugdarts"),
                        option("INJURY_ASSESSMENT", "Letselduiding"), option("LEC_EGG", "LEC EGG (eergerelateerd geweld)"),
                        option("RAAD_VOOR_DE_KINDERBESCHERMING", "Raad voor de Kinderbescherming"), option("POLICE", "Politie"),
                        option("CERTIFIED_INSTITUTION", "Gecertificeerde instelling"), option("OTHER", "Anders")),
                field("expertDescription", Kind.TEXT, "Wie (naam en functie)"),
                optional("pupilIdentifiable", Kind.CHECKBOX, "De leerling is herkenbaar besproken"),
                field("adviceAsked", Kind.TEXTAREA, "Wat je vroeg"),
                optional("adviceGiven", Kind.TEXTAREA, "Het advies"))));
        add(new CaseCommand("gesprek-kind", "child-conversations", "dossier", "Gesprek met het kind vastleggen", "Gesprek vastleggen", List.of(
                field("heldAt", Kind.MOMENT, "Wanneer"),
                hinted("staffPresent", Kind.LIST, "Wie van school waren erbij", "Gebruikersnamen, gescheiden door komma's"),
                field("childsView", Kind.TEXTAREA, "Wat het kind vertelde, zo letterlijk mogelijk"))));
        add(new CaseCommand("gesprek-kind-overslaan", "child-conversations/skipped", "dossier", "Niet met het kind praten", "Reden vastleggen", List.of(
                field("reason", Kind.TEXTAREA, "Waarom je niet met het kind praat"))));
        add(new CaseCommand("gesprek-ouders", "parent-conversations", "dossier", "Gesprek met de ouders vastleggen (met kindcheck)", "Gesprek vastleggen", List.of(
                field("heldAt", Kind.MOMENT, "Wanneer"),
                hinted("staffPresent", Kind.LIST, "Wie van school waren erbij", "Gebruikersnamen, gescheiden door komma's"),
                hinted("parentsPresent", Kind.LIST, "Welke ouders waren erbij", "Bijvoorbeeld: moeder, vader"),
                field("concernsShared", Kind.TEXTAREA, "Welke zorgen je deelde"),
                field("parentsReaction", Kind.TEXTAREA, "Hoe de ouders reageerden"),
                optional("agreements", Kind.TEXTAREA, "Afspraken"),
                optional("kindcheck.performed", Kind.CHECKBOX, "Kindcheck gedaan: zijn er andere kinderen in het gezin?"),
                optional("kindcheck.outcome", Kind.TEXT, "Uitkomst van de kindcheck"))));
        add(new CaseCommand("gesprek-ouders-overslaan", "parent-conversations/skipped", "dossier", "Niet met de ouders praten", "Reden vastleggen", List.of(
                choice("reason", "Reden", SKIP_REASONS),
                hinted("considerations", Kind.TEXTAREA, "Je afweging", "Dit kan alleen na advies van Veilig Thuis."))));
        add(new CaseCommand("toestemming", "consents", "dossier", "Toestemming van de ouders vastleggen", "Toestemming vastleggen", List.of(
                field("answeredAt", Kind.MOMENT, "Wanneer"),
                choice("answer", "Antwoord", option("GIVEN", "Toestemming gegeven"), option("REFUSED", "Geweigerd")),
                field("answeredBy", Kind.TEXT, "Wie antwoordde"),
                hinted("scope", Kind.TEXT, "Waarvoor", "Bijvoorbeeld: bespreken met de jeugdarts"),
                optional("inWriting", Kind.CHECKBOX, "Schriftelijk"),
                optional("remarks", Kind.TEXT, "Opmerkingen"))));
        add(new CaseCommand("besluit", "report-decision", "besluit", "Besluit nemen en voorleggen aan de directeur", "Besluit voorleggen", List.of(
                new Field("reportNecessary", Kind.YES_NO, "Besluit 1: is melden noodzakelijk?", "", false, List.of()),
                new Field("schoolCanOfferHelp", Kind.YES_NO, "Besluit 2: is hulp bieden of organiseren (ook) mogelijk?", "", false, List.of()),
                field("rationale", Kind.TEXTAREA, "Onderbouwing"))));
        add(new CaseCommand("goedkeuren", "report-decision/approval", "goedkeuring", "Besluit goedkeuren", "Besluit goedkeuren", List.of(
                optional("remarks", Kind.TEXT, "Opmerkingen"))));
        add(new CaseCommand("terugsturen", "report-decision/send-back", "goedkeuring", "Terugsturen", "Terugsturen", List.of(
                hinted("reason", Kind.TEXTAREA, "Waarom je het besluit terugstuurt", "De casemanager krijgt bericht en neemt het besluit opnieuw."))));
        add(new CaseCommand("ouders-ingelicht", "report-decision/parents-informed", "melding", "Ouders ingelicht over de melding", "Gesprek vastleggen", List.of(
                field("heldAt", Kind.MOMENT, "Wanneer"),
                hinted("staffPresent", Kind.LIST, "Wie van school waren erbij", "Gebruikersnamen, gescheiden door komma's"),
                hinted("parentsPresent", Kind.LIST, "Welke ouders waren erbij", "Bijvoorbeeld: moeder, vader"),
                field("parentsReaction", Kind.TEXTAREA, "Hoe de ouders reageerden"),
                optional("objections", Kind.TEXTAREA, "Bezwaren van de ouders"))));
        add(new CaseCommand("ouders-niet-ingelicht", "report-decision/parents-not-informed", "melding", "Ouders niet vooraf inlichten", "Reden vastleggen", List.of(
                choice("reason", "Reden", SKIP_REASONS),
                hinted("considerations", Kind.TEXTAREA, "Je afweging", "Dit kan alleen na advies van Veilig Thuis."))));
        add(new CaseCommand("melding", "report", "melding", "Melding bij Veilig Thuis vastleggen", "Melding vastleggen", List.of(
                field("reportedAt", Kind.MOMENT, "Wanneer gemeld"),
                hinted("reportedBy", Kind.TEXT, "Wie meldde", "Gebruikersnaam"),
                optional("veiligThuisReference", Kind.TEXT, "Kenmerk bij Veilig Thuis"),
                optional("reporterAnonymityRequested", Kind.CHECKBOX, "De melder vraagt anonimiteit"),
                field("reportedFacts", Kind.TEXTAREA, "Welke feiten je meldde"))));
        add(new CaseCommand("terugkoppeling", "veilig-thuis-feedback", "melding", "Terugkoppeling van Veilig Thuis vastleggen", "Terugkoppeling vastleggen", List.of(
                field("receivedAt", Kind.MOMENT, "Wanneer ontvangen"),
                choice("decision", "Besluit van Veilig Thuis", option("END_OF_INVOLVEMENT", "Einde bemoeienis"),
                        option("HANDOVER_TO_NEW_HELP", "Overdracht naar nieuwe hulp"), option("HANDOVER_TO_EXISTING_HELP", "Overdracht naar bestaande hulp"),
                        option("SAFETY_CONDITIONS_AND_FOLLOW_UP", "Veiligheidsvoorwaarden en vervolg"), option("OWN_INVESTIGATION", "Eigen onderzoek"),
                        option("MONITORING", "Monitoren")),
                field("schoolRole", Kind.TEXT, "De rol van school"),
                optional("inWriting", Kind.CHECKBOX, "Schriftelijk ontvangen"),
                optional("details", Kind.TEXTAREA, "Toelichting"))));
        add(new CaseCommand("hulp", "help", "hulp", "Hulp inzetten", "Hulp vastleggen", List.of(
                field("startsOn", Kind.DATE, "Start"),
                field("help", Kind.TEXTAREA, "Welke hulp"),
                field("intendedResults", Kind.TEXTAREA, "Beoogde resultaten"),
                hinted("tasks", Kind.TASKS, "Taken", "Eén taak per regel: wie: wat. Bijvoorbeeld: ib-a: wekelijks contact met moeder"),
                hinted("casemanagerId", Kind.TEXT, "Casemanager", "Gebruikersnaam"),
                field("term", Kind.DATE, "Termijn: evalueren op"))));
        add(new CaseCommand("evaluatie", "help/evaluation", "hulp", "Afweging 5: de hulp evalueren", "Evaluatie vastleggen", List.of(
                field("evaluatedOn", Kind.DATE, "Geëvalueerd op"),
                optional("resultsAchieved", Kind.CHECKBOX, "De hulp leidt tot de noodzakelijke resultaten"),
                field("evaluation", Kind.TEXTAREA, "Evaluatie"),
                optional("monitoringAgreements", Kind.TEXTAREA, "Afspraken over monitoren (nazorg)"))));
        add(new CaseCommand("sluiten", "closure", "sluiten", "Dossier sluiten", "Dossier sluiten", List.of(
                choice("outcome", "Uitkomst", option("NO_SUSPICION", "Geen vermoeden (meer)"), option("HELP_COMPLETED", "Hulp afgerond"),
                        option("REPORTED_AND_HANDED_OVER", "Gemeld en overgedragen")),
                field("conclusion", Kind.TEXTAREA, "Conclusie"),
                optional("suspicionUnfounded", Kind.CHECKBOX, "Het vermoeden is ongegrond gebleken"),
                optional("monitoringAgreements", Kind.TEXTAREA, "Afspraken over monitoren"))));
        add(new CaseCommand("heropenen", "reopening", "sluiten", "Heropenen", "Heropenen", List.of(
                field("reason", Kind.TEXTAREA, "Waarom je het dossier heropent"))));
    }

    private CaseCommands() {
    }

    private static void add(CaseCommand command) {
        ALL.put(command.slug(), command);
    }

    /** The command behind a form; an afweging is built for the question the form was about. */
    static Optional<CaseCommand> of(String slug, String question) {
        if ("afweging".equals(slug)) {
            return Afwegingen.QUESTIONS.containsKey(question) ? Optional.of(weighing(question)) : Optional.empty();
        }
        return Optional.ofNullable(ALL.get(slug));
    }

    static CaseCommand get(String slug) {
        return ALL.get(slug);
    }

    /** The afwegingskader form for one question: the unsafety kinds and who was informed only where the service needs them. */
    public static CaseCommand weighing(String question) {
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("question", Kind.HIDDEN, "", "", false, List.of()));
        if ("VEILIGHEID".equals(question)) {
            fields.add(new Field("answer", Kind.CHOICE, Afwegingen.QUESTIONS.get(question), "Twijfel telt als ja.", false,
                    List.of(option("YES", "Ja"), option("DOUBT", "Twijfel"), option("NO", "Nee"))));
            fields.add(optional("acuteUnsafety", Kind.CHECKBOX, "Acute onveiligheid"));
            fields.add(optional("structuralUnsafety", Kind.CHECKBOX, "Structurele onveiligheid"));
            fields.add(optional("violenceWithSeriousInjury", Kind.CHECKBOX, "Geweld met ernstig letsel"));
        } else {
            fields.add(new Field("answer", Kind.CHOICE, Afwegingen.QUESTIONS.get(question), "", false,
                    List.of(option("YES", "Ja"), option("NO", "Nee"))));
        }
        fields.add(field("rationale", Kind.TEXTAREA, "Onderbouwing"));
        if ("VERMOEDEN".equals(question)) {
            fields.add(optional("principalInformed", Kind.CHECKBOX, "De directeur is op de hoogte van het vermoeden"));
        }
        if ("VEILIGHEID".equals(question)) {
            fields.add(optional("boardInformed", Kind.CHECKBOX, "Het bestuur is ingelicht"));
        }
        return new CaseCommand("afweging", "afwegingskader", "afwegingskader", "Afweging", "Antwoord vastleggen", fields);
    }

    /** The commands on one page, in the order they are shown. */
    static List<CaseCommand> onPage(String page) {
        return ALL.values().stream().filter(command -> command.page().equals(page)).toList();
    }
}
