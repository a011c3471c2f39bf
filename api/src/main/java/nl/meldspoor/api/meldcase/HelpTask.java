package nl.meldspoor.api.meldcase;

import jakarta.validation.constraints.NotBlank;
import nl.meldspoor.api.common.PersonalData;

/** Who does what in a help plan. */
public record HelpTask(@PersonalData @NotBlank String assignee, @NotBlank @PersonalData String task) {
}
