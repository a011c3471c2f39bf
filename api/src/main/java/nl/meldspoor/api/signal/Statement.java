package nl.meldspoor.api.signal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.meldspoor.api.common.Limits;
import nl.meldspoor.api.common.PersonalData;

/** One statement in a signal, marked as fact or interpretation, with its source when it came from a third party. */
public record Statement(
        @NotBlank @PersonalData @Size(max = Limits.STATEMENT, message = Limits.TOO_LONG) String text,
        @NotNull StatementKind kind,
        @NotNull InformationOrigin origin,
        @Valid InformationSource source) {
}
