package nl.meldspoor.api.common;

import static nl.meldspoor.api.common.RuleKind.NOT_PERMITTED;

/** Need-to-know (DOMAIN.md §1 and §7): who may act on or read what, each with its Dutch explanation. */
public enum AccessRule implements Rule {
    NOT_YOUR_SCHOOL(NOT_PERMITTED, "U heeft in deze rol geen toegang tot gegevens van deze school."),
    ROLE_NOT_PERMITTED(NOT_PERMITTED, "Uw rol geeft geen toegang tot deze gegevens."),
    AGGREGATES_ONLY(NOT_PERMITTED, "In uw rol ziet u alleen geaggregeerde cijfers, geen gegevens over leerlingen."),
    NOT_IN_STAFF_DIRECTORY(NOT_PERMITTED, "U staat niet (meer) met een geldige rol in het personeelsbestand van het bestuur."),
    ROLE_NOT_HELD(NOT_PERMITTED, "U heeft de gevraagde rol niet (meer) in het personeelsbestand."),
    NOT_A_STAFF_ADMINISTRATOR(NOT_PERMITTED, "Alleen een beheerder van het bestuur beheert het personeelsbestand."),
    SERVICE_CREDENTIAL_REQUIRED(NOT_PERMITTED, "Versleutelde teksten worden alleen voor een dienst van Meldspoor geopend, met haar eigen dienstsleutel naast het token van de lezer.");

    private final RuleKind kind;
    private final String message;

    AccessRule(RuleKind kind, String message) {
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
