package nl.meldspoor.api.meldcase;

import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import org.axonframework.serialization.Revision;

/**
 * The case was closed.
 */
@Revision("1")
public record CaseClosed(
        String caseId,
        String schoolId,
        String pupilRef,
        Actor actor,
        Instant occurredAt,
        Closure closure) implements MeldcodeCaseEvent {
}
