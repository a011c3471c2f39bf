package nl.meldspoor.reporting.meldcase;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import nl.meldspoor.reporting.meldcase.fold.CaseDossier;
import org.springframework.stereotype.Component;

/**
 * Encodes the dossier stored in a case's view as JSON, with the same Jackson the events travel with: the dossier holds
 * the events' own values (signals with their sealed texts, the team, plans), which that Jackson reads back as they were.
 */
@Component
public class CaseDossiers {

    private final ObjectMapper json;

    public CaseDossiers(ObjectMapper json) {
        this.json = json;
    }

    /** The stored dossier of a case's view; empty for a view written before dossiers were stored. */
    public Optional<CaseDossier> of(CaseRecord record) {
        if (record.unwrittenDossier() != null) {
            return Optional.of(record.unwrittenDossier());
        }
        return Optional.ofNullable(record.dossierJson()).map(this::read);
    }

    CaseDossier read(String stored) {
        try {
            return json.readValue(stored, CaseDossier.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored dossier cannot be read", e);
        }
    }

    String write(CaseDossier dossier) {
        try {
            return json.writeValueAsString(dossier);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A dossier cannot be stored", e);
        }
    }
}
