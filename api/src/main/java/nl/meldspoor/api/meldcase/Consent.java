package nl.meldspoor.api.meldcase;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import nl.meldspoor.api.common.Limits;
import nl.meldspoor.api.common.PersonalData;

/**
 * The parents' consent to discuss the pupil with external professionals. A refusal is itself a
 * worrying signal that is weighed in step 4.
 */
public record Consent(
        @NotNull @PastOrPresent Instant answeredAt,
        @NotNull ConsentAnswer answer,
        @PersonalData
        @NotBlank @Size(max = Limits.LABEL, message = Limits.TOO_LONG) String answeredBy,
        @PersonalData
        @NotBlank @Size(max = Limits.SHORT_TEXT, message = Limits.TOO_LONG) String scope,
        boolean inWriting,
        @PersonalData @Size(max = Limits.SHORT_TEXT, message = Limits.TOO_LONG) String remarks) {
}
