package nl.meldspoor.api.meldcase;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import nl.meldspoor.api.common.Identifiers;
import nl.meldspoor.api.common.Limits;
import nl.meldspoor.api.common.PersonalData;

/** Step 3: a conversation with the child, with the child's own view in its own words. */
public record ChildConversation(
        @NotNull @PastOrPresent Instant heldAt,
        @NotEmpty @Size(max = Limits.PEOPLE, message = Limits.TOO_MANY) List<@Pattern(regexp = Identifiers.PERSON_ID) @NotBlank @Size(max = Limits.LABEL, message = Limits.TOO_LONG) String> staffPresent,
        @NotBlank @PersonalData @Size(max = Limits.LONG_TEXT, message = Limits.TOO_LONG) String childsView) {

    public ChildConversation {
        staffPresent = staffPresent == null ? null : List.copyOf(staffPresent);
    }
}
