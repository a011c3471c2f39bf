package nl.meldspoor.api.meldcase;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import nl.meldspoor.api.common.Identifiers;
import nl.meldspoor.api.common.Limits;
import nl.meldspoor.api.common.PersonalData;

/**
 * Help set in motion (afweging 4): what help, who does what, the casemanager, and the term by which
 * its effect must be noticeable or measurable.
 */
public record HelpPlan(
        @NotNull LocalDate startsOn,
        @NotBlank @PersonalData @Size(max = Limits.LONG_TEXT, message = Limits.TOO_LONG) String help,
        @NotBlank @PersonalData @Size(max = Limits.LONG_TEXT, message = Limits.TOO_LONG) String intendedResults,
        @NotEmpty @Size(max = Limits.PEOPLE, message = Limits.TOO_MANY) List<@Valid @NotNull HelpTask> tasks,
        @Pattern(regexp = Identifiers.PERSON_ID)
        @NotBlank @Size(max = Limits.IDENTIFIER, message = Limits.TOO_LONG) String casemanagerId,
        @NotNull LocalDate term) {

    public HelpPlan {
        tasks = tasks == null ? null : List.copyOf(tasks);
    }
}
