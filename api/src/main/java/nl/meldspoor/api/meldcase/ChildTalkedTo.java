package nl.meldspoor.api.meldcase;

import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import org.axonframework.serialization.Revision;

/**
 * Step 3: the child was talked to.
 */
@Revision("1")
public record ChildTalkedTo(
        String caseId,
        String schoolId,
        String pupilRef,
        Actor actor,
        Instant occurredAt,
        ChildConversation conversation) implements MeldcodeCaseEvent {
}
