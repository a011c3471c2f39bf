package nl.meldspoor.api.meldcase;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import nl.meldspoor.api.common.Limits;
import nl.meldspoor.api.common.PersonalData;

/** Veilig Thuis's decision after a report, and the role the school keeps afterwards. */
public record VeiligThuisFeedback(
        @NotNull @PastOrPresent Instant receivedAt,
        @NotNull VeiligThuisDecision decision,
        @NotBlank @PersonalData @Size(max = Limits.SHORT_TEXT, message = Limits.TOO_LONG) String schoolRole,
        boolean inWriting,
        @PersonalData @Size(max = Limits.LONG_TEXT, message = Limits.TOO_LONG) String details) {
}
