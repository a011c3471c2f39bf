package nl.meldspoor.signals.pupil;

import static nl.meldspoor.api.common.RuleKind.DOMAIN_RULE;
import static nl.meldspoor.api.common.RuleKind.INVALID_INPUT;
import static nl.meldspoor.api.common.RuleKind.NOT_FOUND;
import static nl.meldspoor.api.common.RuleKind.NOT_PERMITTED;
import static nl.meldspoor.api.common.RuleKind.OUT_OF_ORDER;

import nl.meldspoor.api.common.Rule;
import nl.meldspoor.api.common.RuleKind;

/** The rules of a pupil's file of signals (DOMAIN.md §2), each with its Dutch explanation. */
public enum PupilFileRule implements Rule {
    ROLE_NOT_PERMITTED(NOT_PERMITTED, "Uw rol mag dit niet vastleggen in het zorglogboek van een leerling."),
    CORRECTION_NOT_PERMITTED(NOT_PERMITTED, "Een signaal wordt gecorrigeerd door wie het vastlegde, de intern begeleider of de directeur."),
    SIGNAL_UNKNOWN(NOT_FOUND, "Dit signaal staat niet in het zorglogboek van deze leerling."),
    CORRECTION_REQUEST_UNKNOWN(NOT_FOUND, "Er is geen verzoek tot correctie met dit kenmerk bij dit signaal."),
    SIGNAL_ALREADY_RECORDED(OUT_OF_ORDER, "Er is al een ander signaal met dit kenmerk vastgelegd."),
    SCHOOL_REQUIRED(INVALID_INPUT, "Een signaal hoort bij een school."),
    TEXT_REQUIRED(INVALID_INPUT, "Dit veld mag niet leeg zijn."),
    NOTHING_TO_CORRECT(DOMAIN_RULE, "De correctie is gelijk aan het signaal zoals het nu luidt."),
    WRITTEN_REQUEST_REQUIRED(DOMAIN_RULE, "Een verzoek tot correctie van het dossier wordt schriftelijk gedaan."),
    CORRECTION_REQUEST_PENDING(OUT_OF_ORDER, "Er loopt al een verzoek tot correctie van dit signaal; beantwoord dat eerst."),
    CORRECTION_REQUEST_ANSWERED(OUT_OF_ORDER, "Dit verzoek tot correctie is al beantwoord."),
    CORRECTED_CONTENT_REQUIRED(DOMAIN_RULE, "Wie een verzoek tot correctie inwilligt, legt vast hoe het signaal moet luiden."),
    PUPIL_NOT_REGISTERED_AT_SCHOOL(DOMAIN_RULE, "Deze leerling staat niet (meer) ingeschreven in de leerlingenregistratie van deze school; "
            + "registreer de leerling eerst en gebruik het kenmerk dat de registratie geeft."),
    SIGNAL_OF_OTHER_SCHOOL(DOMAIN_RULE, "Een dossier meldcode wordt geopend met signalen van de eigen school."),
    CASE_TEAM_INCOMPLETE(INVALID_INPUT, "Een dossier heeft een casemanager, een aandachtsfunctionaris en een verantwoordelijke directeur.");

    private final RuleKind kind;
    private final String message;

    PupilFileRule(RuleKind kind, String message) {
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
