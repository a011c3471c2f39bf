package nl.meldspoor.api.meldcase;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import nl.meldspoor.api.common.Limits;
import nl.meldspoor.api.common.PersonalData;

/** Who does what in a help plan. */
public record HelpTask(@PersonalData @NotBlank @Size(max = Limits.LABEL, message = Limits.TOO_LONG) String assignee, @NotBlank @PersonalData @Size(max = Limits.SHORT_TEXT, message = Limits.TOO_LONG) String task) {
}
