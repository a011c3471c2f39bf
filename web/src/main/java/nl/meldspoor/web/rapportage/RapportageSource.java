package nl.meldspoor.web.rapportage;

import java.util.Map;

/** The reporting-service's rapportage meldcode of one case ({@code GET /api/dossiers/{caseId}/rapportage}), as its JSON. */
public interface RapportageSource {

    Map<String, Object> rapportage(String caseId);
}
