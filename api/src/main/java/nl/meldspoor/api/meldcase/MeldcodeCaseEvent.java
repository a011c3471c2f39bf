package nl.meldspoor.api.meldcase;

import java.time.Instant;
import nl.meldspoor.api.common.Actor;

/**
 * Every fact in a meldcode case's history carries the case, the school, the pseudonymous pupil, who
 * acted in which role, and when it happened (business time, besides the event store's own timestamp).
 */
public interface MeldcodeCaseEvent {

    String caseId();

    String schoolId();

    String pupilRef();

    Actor actor();

    Instant occurredAt();
}
