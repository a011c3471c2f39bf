package nl.meldspoor.api.incident;

/**
 * The five actions against unwanted and (sexually) boundary-crossing behaviour (seed 000, "Actie 1" to
 * "Actie 5"). In principle applied in this order, but the school professional may deviate in the
 * interest of the pupils.
 */
public enum UnsafeBehaviourAction {
    PUPIL_SOLVES_OR_ASKS_HELP("De leerling kan het zelf of vraagt hulp"),
    TEACHER_AND_PUPILS_SOLVE_TOGETHER("Leerkracht en leerling(en) zoeken samen een oplossing"),
    SCHOOL_AND_PARENTS_TOGETHER("School en ouders/verzorgers werken samen"),
    SUPPORT_TRAJECTORY("Ondersteuningstraject"),
    /** A decision of the directie, under the protocol "schorsen en verwijderen". */
    TIME_OUT_SUSPENSION_EXPULSION("Time-out, schorsen en verwijderen");

    private final String label;

    UnsafeBehaviourAction(String label) {
        this.label = label;
    }

    /** Its number in the protocol, from 1. */
    public int number() {
        return ordinal() + 1;
    }

    public String label() {
        return label;
    }
}
