package nl.meldspoor.api.signal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Identifiers;
import nl.meldspoor.api.common.Limits;
import nl.meldspoor.api.common.PersonalData;

/**
 * What a member of staff records as a signal (DOMAIN.md §2). Who recorded it is the person who sends
 * it; the school is where the pupil is; siblings share the {@code familyRef} (kindcheck). Marks seen on the
 * child's body go on the body map ({@code bodyMap}), never as a photo.
 */
public record SignalRecording(
        @Pattern(regexp = Identifiers.ORGANISATION_ID)
        @NotBlank @Size(max = Limits.IDENTIFIER, message = Limits.TOO_LONG) String schoolId,
        @Size(max = Limits.IDENTIFIER, message = Limits.TOO_LONG) @Pattern(regexp = Identifiers.FAMILY_REF, message = Limits.NOT_A_REFERENCE) String familyRef,
        @NotNull @PastOrPresent Instant observedAt,
        @NotBlank @PersonalData @Size(max = Limits.LABEL, message = Limits.TOO_LONG) String place,
        @NotBlank @PersonalData @Size(max = Limits.SHORT_TEXT, message = Limits.TOO_LONG) String situation,
        @NotEmpty @Size(max = Limits.STATEMENTS, message = Limits.TOO_MANY) List<@Valid @NotNull Statement> statements,
        @PersonalData
        @Size(max = Limits.PEOPLE, message = Limits.TOO_MANY) List<@NotBlank @Size(max = Limits.INITIALS, message = Limits.TOO_LONG) String> othersPresent,
        @NotNull SignalCategory category,
        @Size(max = Limits.CODES, message = Limits.TOO_MANY) Set<SignalFlag> flags,
        @Size(max = Limits.CODES, message = Limits.TOO_MANY) List<@Pattern(regexp = Identifiers.CODE) @NotBlank @Size(max = Limits.CODE, message = Limits.TOO_LONG) String> indicatorCodes,
        @Size(max = Limits.BODY_MARKS, message = Limits.TOO_MANY) List<@Valid @NotNull BodyMark> bodyMap) {

    public SignalRecording {
        bodyMap = bodyMap == null ? List.of() : bodyMap;
    }

    /** A recording without marks on the body map. */
    public SignalRecording(String schoolId, String familyRef, Instant observedAt, String place, String situation, List<Statement> statements,
                           List<String> othersPresent, SignalCategory category, Set<SignalFlag> flags, List<String> indicatorCodes) {
        this(schoolId, familyRef, observedAt, place, situation, statements, othersPresent, category, flags, indicatorCodes, List.of());
    }

    public SignalContent recordedBy(Actor actor) {
        return new SignalContent(observedAt, place, situation, statements, othersPresent, category, flags, indicatorCodes, actor);
    }
}
