package nl.meldspoor.api.signal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Identifiers;
import nl.meldspoor.api.common.PersonalData;

/**
 * What a member of staff records as a signal (DOMAIN.md §2). Who recorded it is the person who sends
 * it; the school is where the pupil is; siblings share the {@code familyRef} (kindcheck).
 */
public record SignalRecording(
        @Pattern(regexp = Identifiers.ORGANISATION_ID)
        @NotBlank String schoolId,
        @Pattern(regexp = Identifiers.FAMILY_REF)
        String familyRef,
        @NotNull @PastOrPresent Instant observedAt,
        @NotBlank @PersonalData String place,
        @NotBlank @PersonalData String situation,
        @NotEmpty List<@Valid @NotNull Statement> statements,
        @PersonalData
        List<@NotBlank String> othersPresent,
        @NotNull SignalCategory category,
        Set<SignalFlag> flags,
        List<@NotBlank @Pattern(regexp = Identifiers.CODE) String> indicatorCodes) {

    public SignalContent recordedBy(Actor actor) {
        return new SignalContent(observedAt, place, situation, statements, othersPresent, category, flags, indicatorCodes, actor);
    }
}
