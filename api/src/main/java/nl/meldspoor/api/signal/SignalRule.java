package nl.meldspoor.api.signal;

import nl.meldspoor.api.common.Rule;
import nl.meldspoor.api.common.RuleKind;

/** Rules of dossiervorming that every recorded signal obeys, wherever it is recorded or copied. */
public enum SignalRule implements Rule {
    SIGNAL_FIELD_REQUIRED(RuleKind.INVALID_INPUT,
            "Een signaal vermeldt datum en tijd, plaats, situatie, categorie, wie het vastlegde en wat er is waargenomen."),
    OBSERVED_AFTER_RECORDING(RuleKind.INVALID_INPUT,
            "Het moment van waarnemen ligt na het moment van vastleggen."),
    STATEMENT_REQUIRED(RuleKind.DOMAIN_RULE,
            "Een signaal bevat minstens één uitspraak over wat er is waargenomen."),
    THIRD_PARTY_SOURCE_REQUIRED(RuleKind.DOMAIN_RULE,
            "Informatie van derden vermeldt altijd de bron."),
    SOURCE_CONSENT_REQUIRED(RuleKind.DOMAIN_RULE,
            "De bron heeft geen toestemming gegeven om deze informatie vast te leggen; deze informatie kan daarom niet worden vastgelegd."),
    OTHERS_PRESENT_INITIALS_ONLY(RuleKind.DOMAIN_RULE,
            "Andere aanwezigen worden alleen met hun initialen vastgelegd, niet met hun naam."),
    BODY_MARK_FIELD_REQUIRED(RuleKind.INVALID_INPUT,
            "Een plek op de lichaamskaart vermeldt het lichaamsdeel, voor- of achterkant en de soort letsel."),
    BODY_MARK_SIDE_REQUIRED(RuleKind.INVALID_INPUT,
            "Bij dit lichaamsdeel hoort een kant: links of rechts, gezien vanuit het kind."),
    BODY_MARK_SIZE_OUT_OF_RANGE(RuleKind.INVALID_INPUT,
            "De grootte van een plek is tussen 0,1 en 100 cm."),
    TOO_MANY_BODY_MARKS(RuleKind.INVALID_INPUT,
            "Een signaal bevat ten hoogste 30 plekken op de lichaamskaart.");

    private final RuleKind kind;
    private final String message;

    SignalRule(RuleKind kind, String message) {
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
