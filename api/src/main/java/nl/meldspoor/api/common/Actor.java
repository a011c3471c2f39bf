package nl.meldspoor.api.common;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The person who performed an act, and the role in which they acted. Staff are identified by a
 * pseudonymous person id from the board's staff directory, never by name.
 */
public record Actor(@Pattern(regexp = Identifiers.PERSON_ID) @NotBlank @Size(max = Limits.IDENTIFIER, message = Limits.TOO_LONG) String personId, @NotNull Role role) {

    public boolean hasRole(Role candidate) {
        return role == candidate;
    }
}
