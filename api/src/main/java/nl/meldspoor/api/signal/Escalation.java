package nl.meldspoor.api.signal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import nl.meldspoor.api.common.PersonalData;
import nl.meldspoor.api.meldcase.CaseTeam;

/** The IB'er opens a meldcode case from one or more of a pupil's signals at the school. */
public record Escalation(
        @NotBlank String schoolId,
        @NotEmpty List<@NotBlank String> signalIds,
        @NotNull @Valid CaseTeam team,
        @NotBlank @PersonalData String concern) {

    public Escalation {
        signalIds = signalIds == null ? null : List.copyOf(signalIds);
    }
}
