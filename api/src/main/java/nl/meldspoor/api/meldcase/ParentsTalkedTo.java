package nl.meldspoor.api.meldcase;

import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import org.axonframework.serialization.Revision;

/**
 * A conversation with the parents took place.
 */
@Revision("1")
public record ParentsTalkedTo(
        String caseId,
        String schoolId,
        String pupilRef,
        Actor actor,
        Instant occurredAt,
        ParentConversation conversation) implements MeldcodeCaseEvent {
}
