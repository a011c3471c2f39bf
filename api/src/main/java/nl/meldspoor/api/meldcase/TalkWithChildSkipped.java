package nl.meldspoor.api.meldcase;

import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import org.axonframework.serialization.Revision;

/**
 * Step 3: the conversation with the child was skipped, with a reason.
 */
@Revision("1")
public record TalkWithChildSkipped(
        String caseId,
        String schoolId,
        String pupilRef,
        Actor actor,
        Instant occurredAt,
        ChildConversationSkip skip) implements MeldcodeCaseEvent {
}
