package nl.meldspoor.api.signal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import nl.meldspoor.api.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Record a signal about a pupil (meldcode step 1).
 *
 * @param pupilRef        the pupil's file the command is about
 * @param expectedVersion the file version the actor saw, or {@code null} to skip the concurrency check
 * @param occurredAt      when the act happened (business time)
 * @param bodyMap         marks seen on the child's body; empty when none
 */
public record RecordSignal(
        @TargetAggregateIdentifier @NotBlank String pupilRef,
        @TargetAggregateVersion Long expectedVersion,
        @NotNull Actor actor,
        @NotNull Instant occurredAt,
        String signalId,
        SignalContent content,
        String schoolId,
        String familyRef,
        List<BodyMark> bodyMap) {

    public RecordSignal {
        bodyMap = bodyMap == null ? List.of() : bodyMap;
    }

    /** A signal without marks on the body map. */
    public RecordSignal(String pupilRef, Long expectedVersion, Actor actor, Instant occurredAt, String signalId, SignalContent content,
                        String schoolId, String familyRef) {
        this(pupilRef, expectedVersion, actor, occurredAt, signalId, content, schoolId, familyRef, List.of());
    }
}
