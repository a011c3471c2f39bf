package nl.meldspoor.api.meldcase;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.meldspoor.api.common.Identifiers;
import nl.meldspoor.api.common.Limits;
import nl.meldspoor.api.signal.SignalContent;

/**
 * A signal as the case received it. The signal-service owns signals; the case keeps this copy in its
 * own events so that the case's history alone shows what the school knew and when.
 */
public record AttachedSignal(@Pattern(regexp = Identifiers.SIGNAL_ID) @NotBlank @Size(max = Limits.IDENTIFIER, message = Limits.TOO_LONG) String signalId, @NotNull @Valid SignalContent content) {
}
