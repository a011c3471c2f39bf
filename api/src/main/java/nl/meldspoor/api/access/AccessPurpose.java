package nl.meldspoor.api.access;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Why someone looked at a record, as a code from a fixed list ({@code X-Meldspoor-Purpose}). A code and
 * never free text: the access log is kept for years on a topic that holds no keys, so a typed purpose
 * such as "gesprek over de mishandeling van Sanne" would be personal data that can never be erased.
 */
public enum AccessPurpose {
    CASE_WORK("werken aan het dossier"),
    CARE_COORDINATION("zorgoverleg"),
    PRINCIPAL_OVERSIGHT("toezicht door de directie"),
    INCIDENT_FOLLOW_UP("afhandeling van een incident"),
    AUDIT("controle van de dossiervorming"),
    PARENT_INSPECTION("inzageverzoek van ouders"),
    PRIVACY_REQUEST("verzoek van de functionaris gegevensbescherming"),
    /** Any other reason, and every purpose that was recorded as free text before purposes were codes. */
    OTHER("overig");

    private final String label;

    AccessPurpose(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The purpose a reader names in the header: a code of this list, in any case; anything else is no purpose. */
    public static Optional<AccessPurpose> ofCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(purpose -> purpose.name().equals(wanted)).findFirst();
    }

    /**
     * Reads a stored purpose. Revision 1 of {@link RecordViewed} held the reader's own words: those read
     * as {@link #OTHER}, so that the old text surfaces nowhere (read models, answers, exports).
     */
    @JsonCreator
    public static AccessPurpose read(String stored) {
        if (stored == null || stored.isBlank()) {
            return null;
        }
        return Arrays.stream(values()).filter(purpose -> purpose.name().equals(stored)).findFirst().orElse(OTHER);
    }

    /** The codes, for the OpenAPI description and error messages. */
    public static String codes() {
        return String.join(", ", Arrays.stream(values()).map(Enum::name).toList());
    }
}
