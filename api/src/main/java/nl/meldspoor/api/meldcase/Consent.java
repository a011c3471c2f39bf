package nl.meldspoor.api.meldcase;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.Instant;
import nl.meldspoor.api.common.PersonalData;

/**
 * The parents' consent to discuss the pupil with external professionals. A refusal is itself a
 * worrying signal that is weighed in step 4.
 */
public record Consent(
        @NotNull @PastOrPresent Instant answeredAt,
        @NotNull ConsentAnswer answer,
        @PersonalData
        @NotBlank String answeredBy,
        @PersonalData
        @NotBlank String scope,
        boolean inWriting,
        @PersonalData String remarks) {
}
