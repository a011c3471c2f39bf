package nl.meldspoor.signals.incident.state;

import java.time.Instant;
import nl.meldspoor.api.incident.IncidentEvent;

/**
 * A fact from an incident's history as the event store holds it.
 *
 * @param sequence   the incident's version after this event
 * @param recordedAt when the event store recorded it: what the system knew from that moment on
 */
public record RecordedIncidentEvent(String eventId, long sequence, Instant recordedAt, IncidentEvent event) {
}
