package nl.meldspoor.api.meldcase;

import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import org.axonframework.serialization.Revision;

/** A meldcode case was opened for one pupil, with the signals that led to it. */
@Revision("1")
public record CaseOpened(
        String caseId,
        String schoolId,
        String pupilRef,
        Actor actor,
        Instant occurredAt,
        CaseOpening opening) implements MeldcodeCaseEvent {
}
