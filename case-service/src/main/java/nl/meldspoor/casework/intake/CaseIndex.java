package nl.meldspoor.casework.intake;

import java.util.List;
import nl.meldspoor.api.meldcase.AttachedSignal;
import nl.meldspoor.api.meldcase.CaseClosed;
import nl.meldspoor.api.meldcase.CaseOpened;
import nl.meldspoor.api.meldcase.CaseReopened;
import nl.meldspoor.api.meldcase.SignalAttached;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Cases by pupil and by signal, for the signal intake. A subscribing processor: updated in the same
 * transaction as the case's events, so a case is findable the moment it exists.
 */
@Component
@ProcessingGroup(CaseIndex.PROCESSING_GROUP)
public class CaseIndex {

    public static final String PROCESSING_GROUP = "case-index";

    private final JdbcTemplate jdbc;

    public CaseIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CaseOpened event) {
        jdbc.update("INSERT INTO case_index (case_id, school_id, pupil_ref, open) VALUES (?, ?, ?, TRUE) ON CONFLICT (case_id) DO NOTHING",
                event.caseId(), event.schoolId(), event.pupilRef());
        holds(event.caseId(), event.opening().signals());
    }

    @EventHandler
    void on(SignalAttached event) {
        holds(event.caseId(), List.of(event.signal()));
    }

    @EventHandler
    void on(CaseClosed event) {
        jdbc.update("UPDATE case_index SET open = FALSE WHERE case_id = ?", event.caseId());
    }

    @EventHandler
    void on(CaseReopened event) {
        jdbc.update("UPDATE case_index SET open = TRUE WHERE case_id = ?", event.caseId());
        holds(event.caseId(), event.reopening().newSignals());
    }

    private void holds(String caseId, List<AttachedSignal> signals) {
        signals.forEach(signal -> jdbc.update("INSERT INTO case_signal (case_id, signal_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                caseId, signal.signalId()));
    }

    public boolean exists(String caseId) {
        return !jdbc.queryForList("SELECT 1 FROM case_index WHERE case_id = ?", caseId).isEmpty();
    }

    /** The open cases of a pupil at a school. */
    public List<String> openCasesOf(String schoolId, String pupilRef) {
        return jdbc.queryForList("SELECT case_id FROM case_index WHERE school_id = ? AND pupil_ref = ? AND open", String.class, schoolId, pupilRef);
    }

    /** The cases, open or closed, that hold a signal. */
    public List<String> casesHolding(String signalId) {
        return jdbc.queryForList("SELECT case_id FROM case_signal WHERE signal_id = ?", String.class, signalId);
    }
}
