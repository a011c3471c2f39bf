package nl.meldspoor.api.meldcase;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;
import nl.meldspoor.api.common.Identifiers;
import nl.meldspoor.api.common.PersonalData;

/**
 * Step 5: the conversation in which the parents are told of the intended report, with their reaction
 * and any objections (recorded and signed for seen).
 */
public record ReportConversation(
        @NotNull @PastOrPresent Instant heldAt,
        @NotEmpty List<@NotBlank @Pattern(regexp = Identifiers.PERSON_ID) String> staffPresent,
        @PersonalData
        @NotEmpty List<@NotBlank String> parentsPresent,
        @NotBlank @PersonalData String parentsReaction,
        @PersonalData String objections) {

    public ReportConversation {
        staffPresent = staffPresent == null ? null : List.copyOf(staffPresent);
        parentsPresent = parentsPresent == null ? null : List.copyOf(parentsPresent);
    }
}
