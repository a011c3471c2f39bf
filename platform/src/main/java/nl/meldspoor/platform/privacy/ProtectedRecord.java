package nl.meldspoor.platform.privacy;

import java.util.Optional;
import nl.meldspoor.api.incident.IncidentEvent;
import nl.meldspoor.api.meldcase.MeldcodeCaseEvent;
import nl.meldspoor.api.signal.PupilFileEvent;

/**
 * The record whose key protects an event's free text: one key per pupil's file of signals at a school,
 * per meldcode case (about one pupil) and per incident, so that each can be erased after its own
 * retention period.
 */
public record ProtectedRecord(RecordType type, String recordId, String schoolId) {

    public enum RecordType {
        PUPIL_FILE, MELDCODE_CASE, INCIDENT
    }

    public static Optional<ProtectedRecord> of(Object payload) {
        if (payload instanceof MeldcodeCaseEvent event) {
            return Optional.of(new ProtectedRecord(RecordType.MELDCODE_CASE, event.caseId(), event.schoolId()));
        }
        if (payload instanceof IncidentEvent event) {
            return Optional.of(new ProtectedRecord(RecordType.INCIDENT, event.incidentId(), event.schoolId()));
        }
        if (payload instanceof PupilFileEvent event) {
            return Optional.of(new ProtectedRecord(RecordType.PUPIL_FILE, event.pupilRef(), event.schoolId()));
        }
        return Optional.empty();
    }
}
