package nl.meldspoor.api.meldcase;

/**
 * The five questions of the afwegingskader (mandatory since 1 January 2019), in their required order.
 */
public enum AfwegingQuestion {
    /** 1. Is er op basis van stap 1 t/m 3 een (sterk) vermoeden van huiselijk geweld of kindermishandeling? */
    VERMOEDEN(1, "Vermoeden"),
    /** 2. Is er sprake van acute en/of structurele onveiligheid? */
    VEILIGHEID(2, "Veiligheid"),
    /** 3. Kan de school (of een partner) effectieve hulp bieden of organiseren? */
    HULP(3, "Hulp"),
    /** 4. Aanvaarden de betrokkenen de hulp en zetten zij zich actief in? */
    HULP_AANVAARDEN(4, "Hulp aanvaarden"),
    /** 5. Leidt de hulp binnen de termijn tot de afgesproken resultaten? Answered by evaluating the help. */
    RESULTAAT(5, "Resultaat");

    private final int number;
    private final String label;

    AfwegingQuestion(int number, String label) {
        this.number = number;
        this.label = label;
    }

    public int number() {
        return number;
    }

    public String label() {
        return label;
    }

    public String dutchName() {
        return "afweging " + number + " (" + label.toLowerCase() + ")";
    }
}
