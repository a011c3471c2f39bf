package nl.meldspoor.platform.privacy;

import java.util.Optional;
import java.util.function.Consumer;
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
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Keeps the keys in step with their records, in the transaction that stores the events: a closed case
 * or incident starts its retention period (a reopened case stops it), a pupil's file restarts it at
 * every entry, and an erasure event deletes the key — so the erasure and the fact of it commit together. The erased
 * record's aggregate then leaves the aggregate cache: the instance there applied the erasure with the texts it had
 * opened still in its state, where one loaded from the store reads them as erased — a later command on it (an
 * escalation copies its signals' texts into the case) would otherwise seal the erased text again under a new key.
 */
@ProcessingGroup(PersonalDataLifecycle.PROCESSING_GROUP)
public class PersonalDataLifecycle {

    public static final String PROCESSING_GROUP = "personal-data-keys";

    private final PersonalDataKeys keys;
    private final Consumer<String> forgetAggregate;

    /** @param forgetAggregate removes an aggregate, by its identifier, from the service's aggregate cache */
    public PersonalDataLifecycle(PersonalDataKeys keys, Consumer<String> forgetAggregate) {
        this.keys = keys;
        this.forgetAggregate = forgetAggregate;
    }

    @EventHandler
    public void on(SchoolFact event) {
        Optional<ProtectedRecord> record = ProtectedRecord.of(event);
        if (record.isEmpty()) {
            return;
        }
        if (event instanceof CaseTextErased || event instanceof IncidentTextErased || event instanceof PupilFileTextErased) {
            keys.erase(record.get(), event.occurredAt());
            // after the command's unit of work put the aggregate (with its opened texts) back in the cache; a record's id is
            // its aggregate's (the case, the incident, the pupil's file)
            String aggregateId = record.get().recordId();
            CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.root().afterCommit(committed -> forgetAggregate.accept(aggregateId)));
        } else if (event instanceof CaseClosed || event instanceof IncidentClosed || event instanceof PupilFileEvent) {
            keys.retainFrom(record.get(), event.occurredAt());
        } else if (event instanceof CaseReopened) {
            keys.retainFrom(record.get(), null);
        }
    }
}
