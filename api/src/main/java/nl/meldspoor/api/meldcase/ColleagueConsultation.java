package nl.meldspoor.api.meldcase;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.Instant;
import nl.meldspoor.api.common.PersonalData;

/**
 * Step 2, collegiale consultatie: who was consulted in which capacity, what was discussed, whether the
 * colleague saw the same signals and what information is still missing.
 */
public record ColleagueConsultation(
        @NotNull @PastOrPresent Instant consultedAt,
        @NotBlank String colleagueId,
        @NotBlank String colleagueCapacity,
        @NotBlank @PersonalData String discussed,
        @NotNull SameSignals sameSignalsSeen,
        @PersonalData String missingInformation) {
}
