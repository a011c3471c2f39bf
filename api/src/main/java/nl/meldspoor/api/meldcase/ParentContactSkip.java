package nl.meldspoor.api.meldcase;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.meldspoor.api.common.Limits;
import nl.meldspoor.api.common.PersonalData;

/**
 * Not talking with the parents: a reason from the permitted list and the considerations, described
 * well enough to be reviewed afterwards. Always after consulting Veilig Thuis.
 */
public record ParentContactSkip(
        @NotNull ParentContactSkipReason reason,
        @NotBlank @PersonalData @Size(max = Limits.LONG_TEXT, message = Limits.TOO_LONG) String considerations) {
}
