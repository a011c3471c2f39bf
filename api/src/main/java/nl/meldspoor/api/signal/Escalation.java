package nl.meldspoor.api.signal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import nl.meldspoor.api.common.Limits;
import nl.meldspoor.api.common.PersonalData;
import nl.meldspoor.api.meldcase.CaseTeam;

/** The IB'er opens a meldcode case from one or more of a pupil's signals at the school. */
public record Escalation(
        @NotBlank @Size(max = Limits.IDENTIFIER, message = Limits.TOO_LONG) String schoolId,
        @NotEmpty @Size(max = Limits.SIGNALS, message = Limits.TOO_MANY) List<@NotBlank @Size(max = Limits.IDENTIFIER, message = Limits.TOO_LONG) String> signalIds,
        @NotNull @Valid CaseTeam team,
        @NotBlank @PersonalData @Size(max = Limits.LONG_TEXT, message = Limits.TOO_LONG) String concern) {

    public Escalation {
        signalIds = signalIds == null ? null : List.copyOf(signalIds);
    }
}
