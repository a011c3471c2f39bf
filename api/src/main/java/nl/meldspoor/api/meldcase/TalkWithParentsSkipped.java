package nl.meldspoor.api.meldcase;

import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import org.axonframework.serialization.Revision;

/**
 * Step 3: the conversation with the parents was skipped for a permitted reason.
 */
@Revision("1")
public record TalkWithParentsSkipped(
        String caseId,
        String schoolId,
        String pupilRef,
        Actor actor,
        Instant occurredAt,
        ParentContactSkip skip) implements MeldcodeCaseEvent {
}
