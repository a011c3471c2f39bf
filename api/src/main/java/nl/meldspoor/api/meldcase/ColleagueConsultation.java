package nl.meldspoor.api.meldcase;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import nl.meldspoor.api.common.Identifiers;
import nl.meldspoor.api.common.Limits;
import nl.meldspoor.api.common.PersonalData;

/**
 * Step 2, collegiale consultatie: who was consulted in which capacity, what was discussed, whether the
 * colleague saw the same signals and what information is still missing.
 */
public record ColleagueConsultation(
        @NotNull @PastOrPresent Instant consultedAt,
        @Pattern(regexp = Identifiers.PERSON_ID)
        @NotBlank @Size(max = Limits.IDENTIFIER, message = Limits.TOO_LONG) String colleagueId,
        @PersonalData
        @NotBlank @Size(max = Limits.LABEL, message = Limits.TOO_LONG) String colleagueCapacity,
        @NotBlank @PersonalData @Size(max = Limits.LONG_TEXT, message = Limits.TOO_LONG) String discussed,
        @NotNull SameSignals sameSignalsSeen,
        @PersonalData @Size(max = Limits.LONG_TEXT, message = Limits.TOO_LONG) String missingInformation) {
}
