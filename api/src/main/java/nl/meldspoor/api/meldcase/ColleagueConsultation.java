package nl.meldspoor.api.meldcase;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import nl.meldspoor.api.common.Identifiers;
import nl.meldspoor.api.common.PersonalData;

/**
 * Step 2, collegiale consultatie: who was consulted in which capacity, what was discussed, whether the
 * colleague saw the same signals and what information is still missing.
 */
public record ColleagueConsultation(
        @NotNull @PastOrPresent Instant consultedAt,
        @Pattern(regexp = Identifiers.PERSON_ID)
        @NotBlank String colleagueId,
        @PersonalData
        @NotBlank String colleagueCapacity,
        @NotBlank @PersonalData String discussed,
        @NotNull SameSignals sameSignalsSeen,
        @PersonalData String missingInformation) {
}
