package nl.meldspoor.api.meldcase;

import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import org.axonframework.serialization.Revision;

/**
 * Help was set in motion.
 */
@Revision("1")
public record HelpStarted(
        String caseId,
        String schoolId,
        String pupilRef,
        Actor actor,
        Instant occurredAt,
        HelpPlan plan) implements MeldcodeCaseEvent {
}
