package nl.meldspoor.api.incident;

import jakarta.validation.constraints.NotBlank;
import nl.meldspoor.api.common.PersonalData;

/**
 * Closing an incident: how it ended and what was learned, for the directeur's yearly analysis.
 */
public record IncidentClosure(@NotBlank @PersonalData String conclusion) {
}
