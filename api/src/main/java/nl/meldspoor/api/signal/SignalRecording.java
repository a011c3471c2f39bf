package nl.meldspoor.api.signal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.PersonalData;

/**
 * What a member of staff records as a signal (DOMAIN.md §2). Who recorded it is the person who sends
 * it; the school is where the pupil is; siblings share the {@code familyRef} (kindcheck).
 */
public record SignalRecording(
        @NotBlank String schoolId,
        String familyRef,
        @NotNull @PastOrPresent Instant observedAt,
        @NotBlank @PersonalData String place,
        @NotBlank @PersonalData String situation,
        @NotEmpty List<@Valid @NotNull Statement> statements,
        List<@NotBlank String> othersPresent,
        @NotNull SignalCategory category,
        Set<SignalFlag> flags,
        List<@NotBlank String> indicatorCodes) {

    public SignalContent recordedBy(Actor actor) {
        return new SignalContent(observedAt, place, situation, statements, othersPresent, category, flags, indicatorCodes, actor);
    }
}
