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

/** Step 2: advice asked from Veilig Thuis, anonymously (the pupil not named) or not. */
public record VeiligThuisConsultation(
        @NotNull @PastOrPresent Instant consultedAt,
        boolean anonymous,
        @NotBlank @PersonalData @Size(max = Limits.LONG_TEXT, message = Limits.TOO_LONG) String adviceAsked,
        @NotBlank @PersonalData @Size(max = Limits.LONG_TEXT, message = Limits.TOO_LONG) String adviceGiven,
        @Pattern(regexp = Identifiers.EXTERNAL_REFERENCE)
        @Size(max = Limits.IDENTIFIER, message = Limits.TOO_LONG) String veiligThuisReference) {
}
