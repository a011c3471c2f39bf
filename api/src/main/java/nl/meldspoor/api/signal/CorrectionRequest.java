package nl.meldspoor.api.signal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import nl.meldspoor.api.common.Limits;
import nl.meldspoor.api.common.PersonalData;

/**
 * The parents' written request to correct a record they consider factually wrong. The school
 * answers within four weeks of receiving it.
 *
 * @param inWriting the request was made in writing, as the law asks
 */
public record CorrectionRequest(
        @PersonalData
        @NotBlank @Size(max = Limits.LABEL, message = Limits.TOO_LONG) String requestedBy,
        @NotNull @PastOrPresent LocalDate receivedOn,
        boolean inWriting,
        @NotBlank @PersonalData @Size(max = Limits.LONG_TEXT, message = Limits.TOO_LONG) String request) {
}
