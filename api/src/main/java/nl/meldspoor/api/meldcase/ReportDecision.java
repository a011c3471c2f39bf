package nl.meldspoor.api.meldcase;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import nl.meldspoor.api.common.Limits;
import nl.meldspoor.api.common.PersonalData;

/**
 * Step 5: the two separate decisions of the meldcode since 2019, with their rationale.
 *
 * @param reportNecessary    is a report to Veilig Thuis necessary?
 * @param schoolCanOfferHelp can the school offer or organise help (as well)?
 */
public record ReportDecision(
        boolean reportNecessary,
        boolean schoolCanOfferHelp,
        @NotBlank @PersonalData @Size(max = Limits.LONG_TEXT, message = Limits.TOO_LONG) String rationale) {
}
