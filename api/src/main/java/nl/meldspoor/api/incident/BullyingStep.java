package nl.meldspoor.api.incident;

/**
 * The vijfstappenaanpak against bullying (Van der Meer, 2002; seed 001). After each step the parents,
 * the directie and the gedragscoördinator are kept informed.
 */
public enum BullyingStep {
    /** Stap 1: persoonlijk gesprek van de groepsleerkracht met het gepeste kind. */
    TALK_WITH_BULLIED_PUPIL("Gesprek met de gepeste leerling"),
    /** Stap 2: persoonlijk gesprek met de pester, gericht op bewustwording. */
    TALK_WITH_BULLY("Gesprek met de pester"),
    /** Stap 3: ondersteuning voor zowel het gepeste kind als de pester. */
    SUPPORT_FOR_BOTH("Ondersteuning voor gepeste en pester"),
    /** Stap 4: de zwijgende middengroep van de klas mobiliseren. */
    MOBILISE_SILENT_MIDDLE_GROUP("De zwijgende middengroep mobiliseren"),
    /** Stap 5: ouders in een persoonlijk gesprek betrekken, met een kindcontract. */
    INVOLVE_PARENTS_WITH_CONTRACT("Ouders betrekken, met een kindcontract");

    private final String label;

    BullyingStep(String label) {
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
