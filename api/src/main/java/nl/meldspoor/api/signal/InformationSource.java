package nl.meldspoor.api.signal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import nl.meldspoor.api.common.Limits;
import nl.meldspoor.api.common.PersonalData;

/**
 * The third party information came from, e.g. "moeder van een klasgenoot". Information whose
 * source did not consent to it being recorded cannot be recorded.
 */
public record InformationSource(@NotBlank @PersonalData @Size(max = Limits.LABEL, message = Limits.TOO_LONG) String description, boolean consentToRecording) {
}
