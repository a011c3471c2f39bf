package nl.meldspoor.api.signal;

import java.time.Instant;

/**
 * A meldcode case of the pupil at a school, as the case-service's events tell it: while it is open, and for the case's
 * retention period after it closed, the case holds the pupil's signals of that school (forwarded with their seal,
 * so erasing the pupil file's text would erase them in the case as well).
 *
 * @param closedAt when the case was last closed, null while it is open
 */
public record CaseHold(String caseId, String schoolId, Instant closedAt) {
}
