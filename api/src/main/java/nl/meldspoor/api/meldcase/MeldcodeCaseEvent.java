package nl.meldspoor.api.meldcase;

import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.SchoolFact;

/**
 * Every fact in a meldcode case's history carries the case, the school, the pseudonymous pupil, who
 * acted in which role, and when it happened (business time, besides the event store's own timestamp).
 */
public interface MeldcodeCaseEvent extends SchoolFact {

    String caseId();

    String schoolId();

    String pupilRef();

    Actor actor();

    Instant occurredAt();
}
