package nl.meldspoor.api.incident;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import nl.meldspoor.api.common.Limits;
import nl.meldspoor.api.common.PersonalData;

/**
 * Closing an incident: how it ended and what was learned, for the directeur's yearly analysis.
 */
public record IncidentClosure(@NotBlank @PersonalData @Size(max = Limits.LONG_TEXT, message = Limits.TOO_LONG) String conclusion) {
}
