package nl.meldspoor.web.audit;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why someone looks at a dossier: the codes the services accept in {@code X-Meldspoor-Purpose} (api's AccessPurpose),
 * with their Dutch words. A code and never free text: the access log is kept for years and must name no pupil.
 */
public enum AuditPurpose {
    AUDIT("Controle van de dossiervorming"),
    CASE_WORK("Werken aan het dossier"),
    CARE_COORDINATION("Zorgoverleg"),
    PRINCIPAL_OVERSIGHT("Toezicht door de directie"),
    INCIDENT_FOLLOW_UP("Afhandeling van een incident"),
    PARENT_INSPECTION("Inzageverzoek van ouders"),
    PRIVACY_REQUEST("Verzoek van de functionaris gegevensbescherming"),
    OTHER("Overig");

    private final String label;

    AuditPurpose(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String code() {
        return name();
    }

    public static Optional<AuditPurpose> of(String code) {
        return code == null ? Optional.empty() : Arrays.stream(values()).filter(purpose -> purpose.name().equals(code.strip())).findFirst();
    }
}
