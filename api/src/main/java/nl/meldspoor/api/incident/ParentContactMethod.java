package nl.meldspoor.api.incident;

/**
 * How the parents were told of an incident: after a small incident the same day by phone, after a
 * larger one in a conversation at which the directeur is present (seed 001).
 */
public enum ParentContactMethod {
    PHONE_SAME_DAY("Dezelfde dag telefonisch"),
    MEETING_WITH_PRINCIPAL("Gesprek met de directeur erbij"),
    IN_PERSON("Persoonlijk gesprek"),
    LETTER("Brief");

    private final String label;

    ParentContactMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
