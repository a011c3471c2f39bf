package nl.meldspoor.signals.pupil.history;

import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.signal.PupilFileEvent;
import nl.meldspoor.api.signal.SignalsEscalated;
import nl.meldspoor.platform.eventstore.EventHistory;
import nl.meldspoor.platform.privacy.PersonalDataReaders;
import nl.meldspoor.platform.privacy.ProtectedRecord;
import nl.meldspoor.platform.privacy.TextReaders;
import nl.meldspoor.platform.security.Caller;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * A pupil's signals are opened for the staff of the school that recorded them and, because signals
 * escalated into a case travel with it, for the advisor of the paired school named in that escalation.
 */
@Component
public class PupilFileTextReaders implements TextReaders {

    private final EventStore eventStore;

    public PupilFileTextReaders(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public boolean mayRead(Caller caller, ProtectedRecord record) {
        if (PersonalDataReaders.mayRead(caller, record.schoolId())) {
            return true;
        }
        if (record.type() != ProtectedRecord.RecordType.PUPIL_FILE || !caller.hasRole(Role.ADVISOR)) {
            return false;
        }
        return EventHistory.read(eventStore, record.recordId(), null, PupilFileEvent.class, (id, sequence, at, event) -> event).stream()
                .filter(SignalsEscalated.class::isInstance).map(SignalsEscalated.class::cast)
                .anyMatch(escalation -> escalation.schoolId().equals(record.schoolId())
                        && caller.personId().equals(escalation.team().advisorId())
                        && caller.holds(escalation.team().advisorSchoolId()));
    }
}
