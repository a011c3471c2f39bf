package nl.meldspoor.signals.registry;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import nl.meldspoor.api.common.Identifiers;
import nl.meldspoor.api.common.Limits;
import nl.meldspoor.api.common.PersonalData;

/**
 * What the school registers of a pupil: name, date of birth and groep (1–8), and the pseudonymous
 * family reference shared by siblings, when known.
 */
public record PupilIdentity(
        @NotBlank @Size(max = 100) @PersonalData String givenName,
        @NotBlank @Size(max = 100) @PersonalData String familyName,
        @NotNull @Past @PersonalData LocalDate birthDate,
        @Min(1) @Max(8) int group,
        @Size(max = Limits.IDENTIFIER, message = Limits.TOO_LONG) @Pattern(regexp = Identifiers.FAMILY_REF, message = Limits.NOT_A_REFERENCE) String familyRef) {
}
