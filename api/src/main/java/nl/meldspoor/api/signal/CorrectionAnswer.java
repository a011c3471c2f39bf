package nl.meldspoor.api.signal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import nl.meldspoor.api.common.Limits;
import nl.meldspoor.api.common.PersonalData;

/**
 * The school's answer to a correction request.
 *
 * @param correctedContent when granted: the content as it should read
 */
public record CorrectionAnswer(
        boolean granted,
        @NotBlank @PersonalData @Size(max = Limits.LONG_TEXT, message = Limits.TOO_LONG) String explanation,
        @NotNull @PastOrPresent LocalDate answeredOn,
        @Valid SignalContent correctedContent) {
}
