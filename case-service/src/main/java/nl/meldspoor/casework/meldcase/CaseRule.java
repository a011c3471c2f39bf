package nl.meldspoor.casework.meldcase;

import static nl.meldspoor.api.common.RuleKind.DOMAIN_RULE;
import static nl.meldspoor.api.common.RuleKind.INVALID_INPUT;
import static nl.meldspoor.api.common.RuleKind.NOT_FOUND;
import static nl.meldspoor.api.common.RuleKind.NOT_PERMITTED;
import static nl.meldspoor.api.common.RuleKind.OUT_OF_ORDER;

import nl.meldspoor.api.common.Rule;
import nl.meldspoor.api.common.RuleKind;

/** The rules of the meldcode that a case guards (DOMAIN.md §4), each with its Dutch explanation. */
public enum CaseRule implements Rule {
    // who may act
    ROLE_NOT_PERMITTED(NOT_PERMITTED, "Uw rol mag deze stap in een meldcodedossier niet zetten."),
    TEACHER_NOT_INVOLVED(NOT_PERMITTED, "Een leerkracht neemt alleen deel aan stap 1 tot en met 3 van een dossier waaraan hij of zij is toegevoegd."),
    ONLY_RESPONSIBLE_PRINCIPAL(NOT_PERMITTED, "Alleen de verantwoordelijke directeur van dit dossier keurt het besluit over melden goed."),

    // lifecycle
    CASE_CLOSED(OUT_OF_ORDER, "Het dossier is gesloten. Er kan alleen nog worden heropend."),
    CASE_NOT_CLOSED(OUT_OF_ORDER, "Alleen een gesloten dossier kan worden heropend."),
    SIGNAL_REQUIRED(DOMAIN_RULE, "Een meldcodedossier wordt geopend met de signalen die tot de zorg leidden."),
    DUPLICATE_SIGNAL(INVALID_INPUT, "Hetzelfde signaal staat meer dan eens in het verzoek."),
    SIGNAL_ALREADY_ATTACHED(OUT_OF_ORDER, "Dit signaal is al met een andere inhoud aan het dossier gekoppeld; leg een correctie vast in plaats van het opnieuw te koppelen."),
    SIGNAL_NOT_IN_CASE(NOT_FOUND, "Dit signaal maakt geen deel uit van het dossier."),
    CASE_TEAM_INCOMPLETE(INVALID_INPUT, "Een dossier heeft een casemanager, een aandachtsfunctionaris en een verantwoordelijke directeur."),

    // steps 1 to 3
    URGENT_PATH_VEILIG_THUIS_FIRST(DOMAIN_RULE, "Bij een onthulling of eergerelateerd geweld wordt niet eerst met de ouders gesproken: raadpleeg eerst Veilig Thuis."),
    SKIP_REASON_REQUIRED(DOMAIN_RULE, "Afzien van een gesprek met de ouders kan alleen om een toegestane reden (veiligheid van het kind, van de melder of anderen, ouders die het contact zullen verbreken, onthulling, eergerelateerd geweld), met de overwegingen erbij."),
    VEILIG_THUIS_CONSULTATION_REQUIRED(DOMAIN_RULE, "Afzien van het gesprek met de ouders kan alleen nadat Veilig Thuis is geraadpleegd."),
    CONSENT_REQUIRED(DOMAIN_RULE, "Zonder toestemming van de ouders wordt de leerling alleen besproken met Veilig Thuis, de Raad voor de Kinderbescherming, de politie of de gecertificeerde instelling, of anoniem."),

    // the afwegingskader
    STEP_2_INCOMPLETE(OUT_OF_ORDER, "Het afwegingskader volgt op stap 1 tot en met 3: overleg eerst met een collega, Veilig Thuis of een deskundige (stap 2)."),
    STEP_3_INCOMPLETE(OUT_OF_ORDER, "Het afwegingskader volgt op stap 1 tot en met 3: voer eerst het gesprek met de ouders of leg vast waarom dat niet gebeurt (stap 3)."),
    AFWEGINGSKADER_ORDER(OUT_OF_ORDER, "De vragen van het afwegingskader worden in volgorde beantwoord."),
    REPORT_FIRST(OUT_OF_ORDER, "Er moet eerst gemeld worden bij Veilig Thuis; de volgende afwegingen worden samen met Veilig Thuis gemaakt."),
    ANSWER_NOT_ALLOWED(INVALID_INPUT, "'Twijfel' is alleen een antwoord op afweging 2 (veiligheid)."),
    PRINCIPAL_NOT_INFORMED(DOMAIN_RULE, "Bij een vermoeden van huiselijk geweld of kindermishandeling wordt de directeur geïnformeerd voordat het afwegingskader verdergaat."),
    UNSAFETY_KIND_REQUIRED(DOMAIN_RULE, "Geef aan of de onveiligheid acuut en/of structureel is."),
    DISCLOSURE_IS_ACUTE_UNSAFETY(DOMAIN_RULE, "Het dossier bevat een onthulling door het kind. Een onthulling is een vorm van acute onveiligheid: afweging 2 kan niet met 'nee' worden beantwoord."),

    // step 5
    AFWEGINGSKADER_INCOMPLETE(OUT_OF_ORDER, "Het besluit over melden volgt uit het afwegingskader; beantwoord eerst de afwegingen die daarvoor nodig zijn."),
    MELDNORM_REQUIRES_REPORT(DOMAIN_RULE, "Een meldnorm is van toepassing: melden bij Veilig Thuis is noodzakelijk."),
    HELP_DECISION_CONTRADICTS_AFWEGING(DOMAIN_RULE, "Het besluit over hulp spreekt het antwoord op afweging 3 (hulp) tegen."),
    NO_DECISION_TO_APPROVE(OUT_OF_ORDER, "Er is geen besluit over melden dat op goedkeuring wacht."),
    NO_DECISION_TO_SEND_BACK(OUT_OF_ORDER, "Er is geen besluit over melden dat op goedkeuring wacht; alleen zo'n besluit kan worden teruggestuurd."),
    ONLY_RESPONSIBLE_PRINCIPAL_SENDS_BACK(NOT_PERMITTED, "Alleen de verantwoordelijke directeur van dit dossier stuurt het besluit over melden terug."),
    NO_REPORT_DECIDED(OUT_OF_ORDER, "Er is geen goedgekeurd besluit om te melden."),
    PRINCIPAL_APPROVAL_REQUIRED(DOMAIN_RULE, "Het besluit over melden heeft de goedkeuring van de directeur nodig; een melding wordt gedaan namens de directie."),
    PARENTS_NOT_INFORMED_OF_REPORT(OUT_OF_ORDER, "Bespreek de melding eerst met de ouders, of leg vast waarom dat niet gebeurt."),
    NO_REPORT_AWAITING_FEEDBACK(OUT_OF_ORDER, "Er is geen melding die op terugkoppeling van Veilig Thuis wacht."),
    HELP_NOT_AGREED(OUT_OF_ORDER, "Hulp wordt ingezet als afweging 3 en 4 met ja zijn beantwoord, of na een melding in overleg met Veilig Thuis."),
    REPORT_DECISION_REQUIRED(OUT_OF_ORDER, "Neem eerst de twee besluiten van stap 5 (is melden noodzakelijk? kan de school hulp bieden?) en laat ze goedkeuren door de directeur."),
    HELP_ALREADY_ACTIVE(OUT_OF_ORDER, "Er loopt al hulp; evalueer die eerst."),
    HELP_TERM_REQUIRED(DOMAIN_RULE, "Hulp heeft een termijn waarbinnen effect merkbaar of meetbaar moet zijn."),
    HELP_TERM_BEFORE_START(DOMAIN_RULE, "De termijn van de hulp ligt na de start van de hulp."),
    HELP_CASEMANAGER_REQUIRED(DOMAIN_RULE, "Bij het inzetten van hulp wordt een casemanager benoemd."),
    HELP_TASKS_REQUIRED(DOMAIN_RULE, "Bij het inzetten van hulp wordt afgesproken wie welke taak heeft."),
    NO_ACTIVE_HELP(OUT_OF_ORDER, "Er loopt geen hulp om te evalueren."),
    HELP_TERM_NOT_REACHED(DOMAIN_RULE, "De hulp wordt op de afgesproken termijn geëvalueerd; die is nog niet bereikt."),
    MONITORING_AGREEMENTS_REQUIRED(DOMAIN_RULE, "Hulp wordt afgesloten met vastgelegde afspraken over het monitoren van de veiligheid."),

    // times that cannot be true (the order of the meldcode, in time)
    BEFORE_CASE_OPENED(DOMAIN_RULE, "Een stap van de meldcode (stap 2 tot en met 5) vindt niet plaats voordat het dossier is geopend. "
            + "Een signaal mag van vóór de opening zijn; overleg, gesprekken, afwegingen, besluiten, de melding en de hulp niet."),
    BEFORE_PRECEDING_STEP(DOMAIN_RULE, "Een stap vindt niet plaats vóór de stap waarop hij volgt: een afweging na het overleg en het "
            + "gesprek met de ouders (of het besluit dat niet te doen) waarop zij rust en na de vorige afweging; het besluit over melden "
            + "na de afwegingen; de goedkeuring na het besluit; het gesprek met de ouders over de melding na het besluit; de melding na "
            + "de goedkeuring en dat gesprek; de terugkoppeling van Veilig Thuis na de melding; bij een onthulling of eergerelateerd "
            + "geweld het gesprek met de ouders na het advies van Veilig Thuis; de evaluatie van de hulp niet vóór de start van de hulp; "
            + "het sluiten na de laatste stap; het heropenen na het sluiten."),
    IN_THE_FUTURE(INVALID_INPUT, "Dit tijdstip ligt in de toekomst. Leg een stap vast nadat hij heeft plaatsgevonden."),

    // closing
    REPORT_DECIDED_NOT_MADE(OUT_OF_ORDER, "Er is besloten te melden, maar de melding is nog niet vastgelegd."),
    HELP_NOT_EVALUATED(OUT_OF_ORDER, "Er loopt nog hulp; evalueer die voordat het dossier sluit."),
    NO_SUSPICION_NOT_ESTABLISHED(OUT_OF_ORDER, "Sluiten zonder vermoeden kan alleen als afweging 1 (vermoeden) met nee is beantwoord."),
    NO_SUSPICION_MUST_BE_EXPLICIT(DOMAIN_RULE, "Leg uitdrukkelijk vast dat het vermoeden ongegrond is gebleken."),
    HELP_NOT_COMPLETED(OUT_OF_ORDER, "Sluiten na hulp kan alleen als de evaluatie van de hulp positief is."),
    NO_REPORT_RECORDED(OUT_OF_ORDER, "Er is geen melding bij Veilig Thuis vastgelegd."),
    VEILIG_THUIS_FEEDBACK_PENDING(OUT_OF_ORDER, "Veilig Thuis heeft nog niet teruggekoppeld wat het met de melding doet."),
    TEXT_REQUIRED(INVALID_INPUT, "Dit veld mag niet leeg zijn.");

    private final RuleKind kind;
    private final String message;

    CaseRule(RuleKind kind, String message) {
        this.kind = kind;
        this.message = message;
    }

    @Override
    public String code() {
        return name();
    }

    @Override
    public RuleKind kind() {
        return kind;
    }

    @Override
    public String message() {
        return message;
    }
}
