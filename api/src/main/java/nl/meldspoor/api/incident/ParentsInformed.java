package nl.meldspoor.api.incident;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import nl.meldspoor.api.common.Limits;
import nl.meldspoor.api.common.PersonalData;

/**
 * The parents were told of the incident: how, when, and what was said or agreed.
 */
public record ParentsInformed(
        @NotNull ParentContactMethod how,
        @NotNull @PastOrPresent Instant informedAt,
        @PersonalData @Size(max = Limits.LONG_TEXT, message = Limits.TOO_LONG) String notes) {
}
