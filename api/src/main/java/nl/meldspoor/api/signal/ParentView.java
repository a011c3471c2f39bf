package nl.meldspoor.api.signal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;
import nl.meldspoor.api.common.PersonalData;

/** The parents' view (zienswijze) on a signal they disagree with, added to the record. */
public record ParentView(
        @PersonalData
        @NotBlank String submittedBy,
        @NotNull @PastOrPresent LocalDate receivedOn,
        @NotBlank @PersonalData String view) {
}
