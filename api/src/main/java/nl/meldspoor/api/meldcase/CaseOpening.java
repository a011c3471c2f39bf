package nl.meldspoor.api.meldcase;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import nl.meldspoor.api.common.Identifiers;
import nl.meldspoor.api.common.Limits;
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
        @NotBlank @Size(max = Limits.IDENTIFIER, message = Limits.TOO_LONG) String schoolId,
        @NotBlank @Size(max = Limits.IDENTIFIER, message = Limits.TOO_LONG) @Pattern(regexp = Identifiers.PUPIL_REF, message = Limits.NOT_A_REFERENCE) String pupilRef,
        @Size(max = Limits.IDENTIFIER, message = Limits.TOO_LONG) @Pattern(regexp = Identifiers.FAMILY_REF, message = Limits.NOT_A_REFERENCE) String familyRef,
        @NotNull @Valid CaseTeam team,
        @NotBlank @PersonalData @Size(max = Limits.LONG_TEXT, message = Limits.TOO_LONG) String concern,
        @NotEmpty @Size(max = Limits.SIGNALS, message = Limits.TOO_MANY) List<@Valid @NotNull AttachedSignal> signals) {

    public CaseOpening {
        signals = signals == null ? null : List.copyOf(signals);
    }
}
