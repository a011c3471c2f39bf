package nl.meldspoor.api.signal;

import jakarta.validation.constraints.NotBlank;
import nl.meldspoor.api.common.PersonalData;

/**
 * The third party information came from, e.g. "moeder van een klasgenoot". Information whose
 * source did not consent to it being recorded cannot be recorded.
 */
public record InformationSource(@NotBlank @PersonalData String description, boolean consentToRecording) {
}
