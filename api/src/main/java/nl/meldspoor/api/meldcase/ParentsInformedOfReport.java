package nl.meldspoor.api.meldcase;

import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import org.axonframework.serialization.Revision;

/**
 * Step 5: the parents were told of the report.
 */
@Revision("1")
public record ParentsInformedOfReport(
        String caseId,
        String schoolId,
        String pupilRef,
        Actor actor,
        Instant occurredAt,
        ReportConversation conversation) implements MeldcodeCaseEvent {
}
