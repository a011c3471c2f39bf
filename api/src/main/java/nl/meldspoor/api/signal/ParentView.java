package nl.meldspoor.api.signal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import nl.meldspoor.api.common.Limits;
import nl.meldspoor.api.common.PersonalData;

/** The parents' view (zienswijze) on a signal they disagree with, added to the record. */
public record ParentView(
        @PersonalData
        @NotBlank @Size(max = Limits.LABEL, message = Limits.TOO_LONG) String submittedBy,
        @NotNull @PastOrPresent LocalDate receivedOn,
        @NotBlank @PersonalData @Size(max = Limits.LONG_TEXT, message = Limits.TOO_LONG) String view) {
}
