package nl.meldspoor.api.meldcase;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import nl.meldspoor.api.common.Limits;
import nl.meldspoor.api.common.PersonalData;

/** Why the principal sends a report decision back instead of approving it: what must be looked at again. */
public record ReportDecisionSendBack(@NotBlank @PersonalData @Size(max = Limits.SHORT_TEXT, message = Limits.TOO_LONG) String reason) {
}
