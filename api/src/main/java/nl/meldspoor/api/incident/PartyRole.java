package nl.meldspoor.api.incident;

/** In which capacity someone was involved in an incident. */
public enum PartyRole {
    PUPIL_VICTIM("Leerling, slachtoffer"),
    PUPIL_PERPETRATOR("Leerling, dader"),
    STAFF_VICTIM("Medewerker, slachtoffer"),
    STAFF_PERPETRATOR("Medewerker, dader"),
    PARENT("Ouder of verzorger"),
    EXTERNAL("Externe");

    private final String label;

    PartyRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
