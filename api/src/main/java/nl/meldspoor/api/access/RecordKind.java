package nl.meldspoor.api.access;

/** What was looked at, in the words of the access log. */
public enum RecordKind {
    CASE_STATE("stand van het dossier"),
    CASE_TIMELINE("tijdlijn van het dossier"),
    DOSSIER("dossier"),
    RAPPORTAGE("rapportage meldcode"),
    CASE_LIST("zaken van de school"),
    PUPIL_SIGNALS("signalen van de leerling"),
    PUPIL_OVERVIEW("signalenoverzicht van de leerling"),
    INCIDENT("incident"),
    INCIDENT_REGISTER("incidentenregister"),
    INCIDENT_REGISTER_EXPORT("export van het incidentenregister"),
    PUPIL_IDENTITY("naam en gegevens van de leerling"),
    PUPIL_SEARCH("zoeken in de leerlingenregistratie");

    private final String label;

    RecordKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Reads of one meldcode case, found back under its case id. */
    public boolean isAboutACase() {
        return this == CASE_STATE || this == CASE_TIMELINE || this == DOSSIER || this == RAPPORTAGE;
    }
}
