package nl.meldspoor.casework.meldcase.history;

import java.time.Clock;
import nl.meldspoor.api.common.RuleViolation;
import nl.meldspoor.casework.meldcase.state.CaseStates;
import nl.meldspoor.platform.privacy.ProtectedRecord;
import nl.meldspoor.platform.privacy.TextReaders;
import nl.meldspoor.platform.security.Caller;
import nl.meldspoor.platform.security.CaseReaders;
import org.springframework.stereotype.Component;

/**
 * A case's text is opened for whoever may read the case itself (its team, including the advisor of the
 * paired school; a teacher added to it; an auditor) — the same permission the case's own read endpoints call.
 */
@Component
public class CaseTextReaders implements TextReaders {

    private final CaseHistory history;
    private final CaseStates states;
    private final Clock clock;

    public CaseTextReaders(CaseHistory history, CaseStates states, Clock clock) {
        this.history = history;
        this.states = states;
        this.clock = clock;
    }

    @Override
    public boolean mayRead(Caller caller, ProtectedRecord record) {
        if (record.type() != ProtectedRecord.RecordType.MELDCODE_CASE) {
            return false; // the case-service holds the keys of cases only
        }
        try {
            CaseReaders.requireStateReader(caller, states.view(history.read(record.recordId(), null), clock.instant()).access());
            return true;
        } catch (RuleViolation notAReader) {
            return false;
        }
    }
}
