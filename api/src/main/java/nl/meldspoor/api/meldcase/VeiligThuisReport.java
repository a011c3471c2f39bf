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
 * The report made to Veilig Thuis. It is made in the name of the directie; the reporter may ask that
 * their identity is not disclosed to the family (art. 4.1.8 Uitvoeringsbesluit Wmo 2015).
 */
public record VeiligThuisReport(
        @NotNull @PastOrPresent Instant reportedAt,
        @Pattern(regexp = Identifiers.PERSON_ID)
        @NotBlank @Size(max = Limits.LABEL, message = Limits.TOO_LONG) String reportedBy,
        @Pattern(regexp = Identifiers.EXTERNAL_REFERENCE)
        @Size(max = Limits.IDENTIFIER, message = Limits.TOO_LONG) String veiligThuisReference,
        boolean reporterAnonymityRequested,
        @NotBlank @PersonalData @Size(max = Limits.LONG_TEXT, message = Limits.TOO_LONG) String reportedFacts) {
}
