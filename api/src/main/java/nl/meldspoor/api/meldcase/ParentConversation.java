package nl.meldspoor.api.meldcase;

import jakarta.validation.Valid;
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
 * A conversation with the parents (preferably with two staff members present): the concerns shared,
 * the parents' reaction, what was agreed, and the kindcheck.
 */
public record ParentConversation(
        @NotNull @PastOrPresent Instant heldAt,
        @NotEmpty List<@NotBlank @Pattern(regexp = Identifiers.PERSON_ID) String> staffPresent,
        @PersonalData
        @NotEmpty List<@NotBlank String> parentsPresent,
        @NotBlank @PersonalData String concernsShared,
        @NotBlank @PersonalData String parentsReaction,
        @PersonalData String agreements,
        @NotNull @Valid Kindcheck kindcheck) {

    public ParentConversation {
        staffPresent = staffPresent == null ? null : List.copyOf(staffPresent);
        parentsPresent = parentsPresent == null ? null : List.copyOf(parentsPresent);
    }
}
