package nl.meldspoor.api.incident;

import java.util.Optional;

/**
 * The meldplicht for a sexual offence by a staff member (Wet 1999, Staatsblad 313; seeds 000, 002, 003),
 * in its required order: whoever learns of it tells the board at once; the board consults the
 * vertrouwensinspecteur, who establishes whether there is a reasonable suspicion; the board decides on
 * a police report — always to file one on a reasonable suspicion — informs the parties and files it.
 */
public enum MeldplichtStep {
    BOARD_INFORMED("Bestuur geïnformeerd"),
    INSPECTOR_CONSULTED("Vertrouwensinspecteur geraadpleegd"),
    POLICE_REPORT_DECIDED("Besluit over aangifte genomen"),
    PARTIES_INFORMED("Betrokkenen geïnformeerd"),
    POLICE_REPORT_FILED("Aangifte gedaan");

    private final String label;

    MeldplichtStep(String label) {
        this.label = label;
    }

    /** Its number in the protocol, from 1. */
    public int number() {
        return ordinal() + 1;
    }

    public String label() {
        return label;
    }

    /** The step that follows this one in the required order, if any. */
    public Optional<MeldplichtStep> next() {
        MeldplichtStep[] steps = values();
        return ordinal() + 1 < steps.length ? Optional.of(steps[ordinal() + 1]) : Optional.empty();
    }
}
