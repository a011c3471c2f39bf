package nl.meldspoor.api.common;

import java.time.Instant;

/**
 * A published fact about something at one school: which school, who acted in which role, and when
 * it happened (business time). Every event of every bounded context is one.
 */
public interface SchoolFact {

    String schoolId();

    Actor actor();

    Instant occurredAt();
}
