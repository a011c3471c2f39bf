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
            "Andere aanwezigen worden alleen met hun initialen vastgelegd, niet met hun naam.");

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
