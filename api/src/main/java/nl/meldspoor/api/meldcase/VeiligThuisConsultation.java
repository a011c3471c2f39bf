package nl.meldspoor.api.meldcase;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import nl.meldspoor.api.common.Identifiers;
import nl.meldspoor.api.common.PersonalData;

/** Step 2: advice asked from Veilig Thuis, anonymously (the pupil not named) or not. */
public record VeiligThuisConsultation(
        @NotNull @PastOrPresent Instant consultedAt,
        boolean anonymous,
        @NotBlank @PersonalData String adviceAsked,
        @NotBlank @PersonalData String adviceGiven,
        @Pattern(regexp = Identifiers.EXTERNAL_REFERENCE)
        String veiligThuisReference) {
}
