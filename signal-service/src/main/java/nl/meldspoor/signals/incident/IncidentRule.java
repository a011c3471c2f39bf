package nl.meldspoor.signals.incident;

import static nl.meldspoor.api.common.RuleKind.DOMAIN_RULE;
import static nl.meldspoor.api.common.RuleKind.INVALID_INPUT;
import static nl.meldspoor.api.common.RuleKind.NOT_PERMITTED;
import static nl.meldspoor.api.common.RuleKind.OUT_OF_ORDER;

import nl.meldspoor.api.common.Rule;
import nl.meldspoor.api.common.RuleKind;

/** The rules of the incident register and its protocols that an incident guards (DOMAIN.md §3), each with its Dutch explanation. */
public enum IncidentRule implements Rule {
    // who may act
    ROLE_NOT_PERMITTED(NOT_PERMITTED, "Uw rol mag dit bij een incident niet vastleggen."),
    ONLY_PRINCIPAL_DECIDES_EXCLUSION(NOT_PERMITTED, "Time-out, schorsen en verwijderen is een besluit van de directie: alleen de directeur legt deze actie vast."),
    ONLY_BOARD_OFFICER(NOT_PERMITTED, "Na de melding aan het bestuur zet de centrale contactpersoon van het bestuur de stappen van de meldplicht en sluit het incident af."),

    // input
    FIELD_REQUIRED(INVALID_INPUT, "Dit veld is verplicht."),
    MOMENT_AFTER_RECORDING(INVALID_INPUT, "Dit moment ligt na het moment van vastleggen."),
    KNOWN_BEFORE_OCCURRED(INVALID_INPUT, "De school kan niet van het incident hebben geweten voordat het gebeurde."),
    MOMENT_BEFORE_KNOWN(INVALID_INPUT, "Dit moment ligt voor het moment waarop de school van het incident wist."),
    POLICE_REFERENCE_WITHOUT_POLICE(INVALID_INPUT, "Een kenmerk van de politie hoort alleen bij een incident waarbij de politie betrokken is."),
    FIELD_NOT_FOR_STEP(INVALID_INPUT, "Dit veld hoort niet bij deze stap van de meldplicht."),
    MELDPLICHT_STEP_BEFORE_PREVIOUS(INVALID_INPUT, "Deze stap van de meldplicht ligt in de tijd voor de vorige stap."),

    // the register
    PARTY_REQUIRED(DOMAIN_RULE, "Een incident vermeldt minstens één betrokkene, met zijn of haar rol."),
    PARTY_REF_NOT_PSEUDONYMOUS(DOMAIN_RULE, "Betrokkenen worden vastgelegd met een pseudoniem kenmerk (letters, cijfers en . _ : -, zonder spaties), nooit met hun naam."),
    INFORMED_REQUIRED(DOMAIN_RULE, "Leg vast wie na deze stap is geïnformeerd, bijvoorbeeld ouders, directie en gedragscoördinator."),
    WRONG_TRACK(DOMAIN_RULE, "Deze stap hoort bij een ander protocol dan het protocol dat voor dit incident geldt."),

    // the meldplicht
    MELDPLICHT_ORDER(OUT_OF_ORDER, "De stappen van de meldplicht worden in volgorde gezet: bestuur informeren, vertrouwensinspecteur raadplegen, besluiten over aangifte, betrokkenen informeren, aangifte doen."),
    REASONABLE_SUSPICION_REQUIRED(DOMAIN_RULE, "Leg vast of de vertrouwensinspecteur een redelijk vermoeden van een zedendelict heeft vastgesteld."),
    POLICE_REPORT_DECISION_REQUIRED(DOMAIN_RULE, "Leg het besluit over aangifte vast: wel of geen aangifte, met de onderbouwing."),
    POLICE_REPORT_REQUIRED(DOMAIN_RULE, "De vertrouwensinspecteur stelde een redelijk vermoeden van een zedendelict vast: het bestuur is dan altijd verplicht aangifte te doen, ook als betrokkenen daar bedenkingen bij hebben."),
    NO_POLICE_REPORT_DECIDED(OUT_OF_ORDER, "Het bestuur heeft niet besloten aangifte te doen."),
    POLICE_REFERENCE_REQUIRED(DOMAIN_RULE, "Leg het kenmerk van de aangifte bij de politie vast."),

    // closing
    INCIDENT_CLOSED(OUT_OF_ORDER, "Het incident is afgesloten; er kan niets meer bij worden vastgelegd."),
    PARTIES_NOT_INFORMED(OUT_OF_ORDER, "Een incident onder de meldplicht sluit pas als het bestuur de betrokkenen heeft geïnformeerd."),
    POLICE_REPORT_NOT_FILED(OUT_OF_ORDER, "Het bestuur besloot aangifte te doen; het incident sluit pas als de aangifte is gedaan.");

    private final RuleKind kind;
    private final String message;

    IncidentRule(RuleKind kind, String message) {
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
