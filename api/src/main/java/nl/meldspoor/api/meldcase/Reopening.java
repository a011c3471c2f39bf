package nl.meldspoor.api.meldcase;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import nl.meldspoor.api.common.Limits;
import nl.meldspoor.api.common.PersonalData;

/** Reopening a closed case, typically on new signals, which come along. */
public record Reopening(@NotBlank @PersonalData @Size(max = Limits.LONG_TEXT, message = Limits.TOO_LONG) String reason, @Size(max = Limits.SIGNALS, message = Limits.TOO_MANY) List<@Valid @NotNull AttachedSignal> newSignals) {

    public Reopening {
        newSignals = newSignals == null ? List.of() : List.copyOf(newSignals);
    }
}
