package nl.meldspoor.api.signal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import nl.meldspoor.api.common.PersonalData;

/** A correction of a signal: the content as it should read, and why. The original stays in the history. */
public record SignalCorrection(@NotNull @Valid SignalContent correctedContent, @NotBlank @PersonalData String reason) {
}
