package nl.meldspoor.api.incident;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import nl.meldspoor.api.common.Limits;
import nl.meldspoor.api.common.PersonalData;

/**
 * An action against unsafe behaviour as it was taken.
 *
 * @param takenAt  when the action was taken
 * @param informed who was informed afterwards, as descriptions such as "ouders", "directie",
 *                 "intern begeleider" — never names
 */
public record UnsafeBehaviourActionDetails(
        @NotNull UnsafeBehaviourAction action,
        @NotNull @PastOrPresent Instant takenAt,
        @PersonalData
        @Size(max = Limits.PEOPLE, message = Limits.TOO_MANY) List<@NotBlank @Size(max = Limits.LABEL, message = Limits.TOO_LONG) String> informed,
        @PersonalData @Size(max = Limits.LONG_TEXT, message = Limits.TOO_LONG) String notes) {

    public UnsafeBehaviourActionDetails {
        informed = informed == null ? List.of() : List.copyOf(informed);
    }
}
