package nl.meldspoor.api.meldcase;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import nl.meldspoor.api.common.Identifiers;
import nl.meldspoor.api.common.PersonalData;

/**
 * The report made to Veilig Thuis. It is made in the name of the directie; the reporter may ask that
 * their identity is not disclosed to the family (art. 4.1.8 Uitvoeringsbesluit Wmo 2015).
 */
public record VeiligThuisReport(
        @NotNull @PastOrPresent Instant reportedAt,
        @Pattern(regexp = Identifiers.PERSON_ID)
        @NotBlank String reportedBy,
        @Pattern(regexp = Identifiers.EXTERNAL_REFERENCE)
        String veiligThuisReference,
        boolean reporterAnonymityRequested,
        @NotBlank @PersonalData String reportedFacts) {
}
