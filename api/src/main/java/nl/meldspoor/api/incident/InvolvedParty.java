package nl.meldspoor.api.incident;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.meldspoor.api.common.Identifiers;
import nl.meldspoor.api.common.Limits;

/**
 * Someone involved in an incident, by role.
 *
 * @param ref pseudonymous reference (e.g. {@code pupil-7f3a}, {@code staff-12}), never a name: names
 *            live in a separate store that only authorised staff can read (DOMAIN.md §1, §7)
 */
public record InvolvedParty(
        @NotNull PartyRole role,
        @Pattern(regexp = Identifiers.REFERENCE, message = "een pseudoniem of kenmerk zoals pupil-7f3a, nooit een naam")
        @NotBlank @Size(max = Limits.IDENTIFIER, message = Limits.TOO_LONG) String ref) {
}
