package nl.meldspoor.api.incident;

/**
 * How grave an incident is. After a minor incident the parents are told the same day by phone; after
 * a serious one they are invited for a conversation at which the directeur is present (seed 001).
 */
public enum Severity {
    MINOR("Klein incident"),
    SERIOUS("Groter incident");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
