package nl.meldspoor.api.incident;

import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.SchoolFact;

/**
 * Every fact in an incident's history carries the incident, the school, who acted in which role, and
 * when it was recorded (business time, besides the event store's own timestamp).
 */
public interface IncidentEvent extends SchoolFact {

    String incidentId();

    String schoolId();

    Actor actor();

    Instant occurredAt();
}
