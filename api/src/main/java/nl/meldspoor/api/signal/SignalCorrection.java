package nl.meldspoor.api.signal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.meldspoor.api.common.Limits;
import nl.meldspoor.api.common.PersonalData;

/** A correction of a signal: the content as it should read, and why. The original stays in the history. */
public record SignalCorrection(@NotNull @Valid SignalContent correctedContent, @NotBlank @PersonalData @Size(max = Limits.LONG_TEXT, message = Limits.TOO_LONG) String reason) {
}
