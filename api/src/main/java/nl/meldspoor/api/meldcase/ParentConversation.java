package nl.meldspoor.api.meldcase;

import jakarta.validation.Valid;
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

/**
 * A conversation with the parents (preferably with two staff members present): the concerns shared,
 * the parents' reaction, what was agreed, and the kindcheck.
 */
public record ParentConversation(
        @NotNull @PastOrPresent Instant heldAt,
        @NotEmpty @Size(max = Limits.PEOPLE, message = Limits.TOO_MANY) List<@Pattern(regexp = Identifiers.PERSON_ID) @NotBlank @Size(max = Limits.LABEL, message = Limits.TOO_LONG) String> staffPresent,
        @PersonalData
        @NotEmpty @Size(max = Limits.PEOPLE, message = Limits.TOO_MANY) List<@NotBlank @Size(max = Limits.LABEL, message = Limits.TOO_LONG) String> parentsPresent,
        @NotBlank @PersonalData @Size(max = Limits.LONG_TEXT, message = Limits.TOO_LONG) String concernsShared,
        @NotBlank @PersonalData @Size(max = Limits.LONG_TEXT, message = Limits.TOO_LONG) String parentsReaction,
        @PersonalData @Size(max = Limits.LONG_TEXT, message = Limits.TOO_LONG) String agreements,
        @NotNull @Valid Kindcheck kindcheck) {

    public ParentConversation {
        staffPresent = staffPresent == null ? null : List.copyOf(staffPresent);
        parentsPresent = parentsPresent == null ? null : List.copyOf(parentsPresent);
    }
}
