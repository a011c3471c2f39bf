package nl.meldspoor.api.incident;

/**
 * The five actions against unwanted and (sexually) boundary-crossing behaviour (seed 000, "Actie 1" to
 * "Actie 5"). In principle applied in this order, but the school professional may deviate in the
 * interest of the pupils.
 */
public enum UnsafeBehaviourAction {
    PUPIL_SOLVES_OR_ASKS_HELP(1, "De leerling kan het zelf of vraagt hulp"),
    TEACHER_AND_PUPILS_SOLVE_TOGETHER(2, "Leerkracht en leerling(en) zoeken samen een oplossing"),
    SCHOOL_AND_PARENTS_TOGETHER(3, "School en ouders/verzorgers werken samen"),
    SUPPORT_TRAJECTORY(4, "Ondersteuningstraject"),
    /** A decision of the directie, under the protocol "schorsen en verwijderen". */
    TIME_OUT_SUSPENSION_EXPULSION(5, "Time-out, schorsen en verwijderen");

    private final int number;
    private final String label;

    UnsafeBehaviourAction(int number, String label) {
        this.number = number;
        this.label = label;
    }

    public int number() {
        return number;
    }

    public String label() {
        return label;
    }
}
