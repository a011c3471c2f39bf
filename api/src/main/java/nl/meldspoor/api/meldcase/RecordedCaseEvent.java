package nl.meldspoor.api.meldcase;

import java.time.Instant;
import nl.meldspoor.api.meldcase.MeldcodeCaseEvent;

/**
 * A fact from a case's history as the event store holds it.
 *
 * @param sequence   the case's version after this event
 * @param recordedAt when the event store recorded it: what the system knew from that moment on
 */
public record RecordedCaseEvent(String eventId, long sequence, Instant recordedAt, MeldcodeCaseEvent event) {
}
