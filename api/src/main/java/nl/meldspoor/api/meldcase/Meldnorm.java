package nl.meldspoor.api.meldcase;

/** The professional norms that make a report to Veilig Thuis required (meldnormen, 2019). */
public enum Meldnorm {
    /** Meldnorm 1: acute en/of structurele onveiligheid (including doubt). */
    ACUTE_OR_STRUCTURAL_UNSAFETY("meldnorm 1: acute en/of structurele onveiligheid"),
    /** Meldnorm 2: the school cannot offer or organise sufficient effective help, or it is not accepted. */
    NO_EFFECTIVE_HELP("meldnorm 2: de school kan geen passende hulp bieden of organiseren, of de hulp wordt niet aanvaard"),
    /** Meldnorm 3: help is given but the unsafety does not stop or recurs. */
    UNSAFETY_PERSISTS("meldnorm 3: ondanks hulp stopt de onveiligheid niet of herhaalt zij zich"),
    /** Always report violence with serious injury. */
    SERIOUS_INJURY("geweld met ernstig letsel");

    private final String dutchDescription;

    Meldnorm(String dutchDescription) {
        this.dutchDescription = dutchDescription;
    }

    public String dutchDescription() {
        return dutchDescription;
    }
}
