package nl.meldspoor.api.meldcase;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.Instant;
import nl.meldspoor.api.common.PersonalData;

/** Veilig Thuis's decision after a report, and the role the school keeps afterwards. */
public record VeiligThuisFeedback(
        @NotNull @PastOrPresent Instant receivedAt,
        @NotNull VeiligThuisDecision decision,
        @NotBlank @PersonalData String schoolRole,
        boolean inWriting,
        @PersonalData String details) {
}
