package nl.meldspoor.platform.privacy;

import java.util.Optional;
import nl.meldspoor.api.common.SchoolFact;
import nl.meldspoor.api.incident.IncidentClosed;
import nl.meldspoor.api.incident.IncidentTextErased;
import nl.meldspoor.api.meldcase.CaseClosed;
import nl.meldspoor.api.meldcase.CaseReopened;
import nl.meldspoor.api.meldcase.CaseTextErased;
import nl.meldspoor.api.signal.PupilFileEvent;
import nl.meldspoor.api.signal.PupilFileTextErased;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/**
 * Keeps the keys in step with their records, in the transaction that stores the events: a closed case
 * or incident starts its retention period (a reopened case stops it), a pupil's file restarts it at
 * every entry, and an erasure event deletes the key — so the erasure and the fact of it commit together.
 */
@ProcessingGroup(PersonalDataLifecycle.PROCESSING_GROUP)
public class PersonalDataLifecycle {

    public static final String PROCESSING_GROUP = "personal-data-keys";

    private final PersonalDataKeys keys;

    public PersonalDataLifecycle(PersonalDataKeys keys) {
        this.keys = keys;
    }

    @EventHandler
    public void on(SchoolFact event) {
        Optional<ProtectedRecord> record = ProtectedRecord.of(event);
        if (record.isEmpty()) {
            return;
        }
        if (event instanceof CaseTextErased || event instanceof IncidentTextErased || event instanceof PupilFileTextErased) {
            keys.erase(record.get(), event.occurredAt());
        } else if (event instanceof CaseClosed || event instanceof IncidentClosed || event instanceof PupilFileEvent) {
            keys.retainFrom(record.get(), event.occurredAt());
        } else if (event instanceof CaseReopened) {
            keys.retainFrom(record.get(), null);
        }
    }
}
