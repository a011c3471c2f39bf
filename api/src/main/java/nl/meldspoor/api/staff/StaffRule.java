package nl.meldspoor.api.staff;

import static nl.meldspoor.api.common.RuleKind.INVALID_INPUT;
import static nl.meldspoor.api.common.RuleKind.OUT_OF_ORDER;

import nl.meldspoor.api.common.Rule;
import nl.meldspoor.api.common.RuleKind;

/** The rules the staff directory keeps, each with its Dutch explanation. */
public enum StaffRule implements Rule {
    AUDITOR_NEEDS_END_DATE(INVALID_INPUT, "Toegang voor kwaliteitszorg of inspectie is tijdelijk: geef een einddatum op."),
    END_DATE_IN_PAST(INVALID_INPUT, "De einddatum ligt in het verleden."),
    BOARD_SCOPE_REQUIRED(INVALID_INPUT, "Deze rol geldt voor het hele bestuur: gebruik als plaats 'board'."),
    SCHOOL_SCOPE_REQUIRED(INVALID_INPUT, "Deze rol hoort bij een school: geef het kenmerk van de school op."),
    CLUSTER_SCOPE_REQUIRED(INVALID_INPUT, "Een clusterdirecteur hoort bij een cluster: geef het kenmerk van het cluster op."),
    ALREADY_GRANTED(OUT_OF_ORDER, "Deze persoon heeft deze rol hier al, met dezelfde einddatum."),
    NOT_GRANTED(OUT_OF_ORDER, "Deze persoon heeft deze rol hier niet.");

    private final RuleKind kind;
    private final String message;

    StaffRule(RuleKind kind, String message) {
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
