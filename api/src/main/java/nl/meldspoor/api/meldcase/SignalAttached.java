package nl.meldspoor.api.meldcase;

import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import org.axonframework.serialization.Revision;

/**
 * A signal was attached to the case; the case keeps its content.
 */
@Revision("1")
public record SignalAttached(
        String caseId,
        String schoolId,
        String pupilRef,
        Actor actor,
        Instant occurredAt,
        AttachedSignal signal) implements MeldcodeCaseEvent {
}
