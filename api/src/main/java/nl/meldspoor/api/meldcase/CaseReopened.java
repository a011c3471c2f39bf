package nl.meldspoor.api.meldcase;

import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import org.axonframework.serialization.Revision;

/**
 * The case was reopened.
 */
@Revision("1")
public record CaseReopened(
        String caseId,
        String schoolId,
        String pupilRef,
        Actor actor,
        Instant occurredAt,
        Reopening reopening) implements MeldcodeCaseEvent {
}
