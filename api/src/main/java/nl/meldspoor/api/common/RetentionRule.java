package nl.meldspoor.api.common;

import static nl.meldspoor.api.common.RuleKind.OUT_OF_ORDER;

/** When free text may be erased after its retention period (DOMAIN.md §7), each with its Dutch explanation. */
public enum RetentionRule implements Rule {
    RETENTION_NOT_STARTED(OUT_OF_ORDER, "De bewaartermijn is nog niet begonnen: die loopt pas vanaf het sluiten."),
    RETENTION_NOT_PASSED(OUT_OF_ORDER, "De bewaartermijn is nog niet verstreken; de tekst mag nog niet worden verwijderd."),
    HELD_BY_CASE(OUT_OF_ORDER, "Een meldcodedossier houdt deze signalen vast: de tekst blijft zolang het dossier open is en "
            + "tot de bewaartermijn van het dossier na het sluiten is verstreken."),
    NOTHING_TO_ERASE(OUT_OF_ORDER, "Er is geen tekst (meer) die na de bewaartermijn verwijderd kan worden."),
    TEXT_ERASED(OUT_OF_ORDER, "De tekst is na de bewaartermijn verwijderd; dit kan niet meer worden heropend.");

    private final RuleKind kind;
    private final String message;

    RetentionRule(RuleKind kind, String message) {
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
