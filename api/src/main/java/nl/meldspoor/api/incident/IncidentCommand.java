package nl.meldspoor.api.incident;

import java.time.Instant;
import nl.meldspoor.api.common.Actor;

/** Every command on an incident names the incident, who acts in which role, and when the act happened. */
public interface IncidentCommand {

    String incidentId();

    Actor actor();

    Instant occurredAt();
}
