package nl.meldspoor.api.meldcase;

import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import org.axonframework.serialization.Revision;

/**
 * Step 5: the parents were not told of the report, for a permitted reason.
 */
@Revision("1")
public record InformingParentsOfReportSkipped(
        String caseId,
        String schoolId,
        String pupilRef,
        Actor actor,
        Instant occurredAt,
        ParentContactSkip skip) implements MeldcodeCaseEvent {
}
