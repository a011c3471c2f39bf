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

/** Step 3: a conversation with the child, with the child's own view in its own words. */
public record ChildConversation(
        @NotNull @PastOrPresent Instant heldAt,
        @NotEmpty List<@NotBlank @Pattern(regexp = Identifiers.PERSON_ID) String> staffPresent,
        @NotBlank @PersonalData String childsView) {

    public ChildConversation {
        staffPresent = staffPresent == null ? null : List.copyOf(staffPresent);
    }
}
