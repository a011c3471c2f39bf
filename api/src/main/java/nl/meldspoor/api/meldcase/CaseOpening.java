package nl.meldspoor.api.meldcase;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import nl.meldspoor.api.common.Identifiers;
import nl.meldspoor.api.common.PersonalData;

/**
 * Opening a meldcode case for one pupil with the signals that led to it.
 *
 * @param pupilRef  pseudonymous reference to the pupil, never a name
 * @param familyRef pseudonymous reference shared by siblings (kindcheck), if known
 * @param concern   the concern that made the IB'er open the case
 */
public record CaseOpening(
        @Pattern(regexp = Identifiers.ORGANISATION_ID)
        @NotBlank String schoolId,
        @Pattern(regexp = Identifiers.PUPIL_REF)
        @NotBlank String pupilRef,
        @Pattern(regexp = Identifiers.FAMILY_REF)
        String familyRef,
        @NotNull @Valid CaseTeam team,
        @NotBlank @PersonalData String concern,
        @NotEmpty List<@Valid @NotNull AttachedSignal> signals) {

    public CaseOpening {
        signals = signals == null ? null : List.copyOf(signals);
    }
}
