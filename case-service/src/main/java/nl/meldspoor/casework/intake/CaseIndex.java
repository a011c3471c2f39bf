package nl.meldspoor.casework.intake;

import java.util.List;
import nl.meldspoor.api.meldcase.AttachedSignal;
import nl.meldspoor.api.meldcase.CaseClosed;
import nl.meldspoor.api.meldcase.CaseOpened;
import nl.meldspoor.api.meldcase.CaseReopened;
import nl.meldspoor.api.meldcase.SignalAttached;
import nl.meldspoor.casework.meldcase.SignalOrigin;
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
        signals.forEach(signal -> jdbc.update("INSERT INTO case_signal (case_id, signal_id, origin) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                caseId, signal.signalId(), SignalOrigin.of(signal.signalId()).code()));
    }

    public boolean exists(String caseId) {
        return !jdbc.queryForList("SELECT 1 FROM case_index WHERE case_id = ?", caseId).isEmpty();
    }

    /** The open cases of a pupil at a school. */
    public List<String> openCasesOf(String schoolId, String pupilRef) {
        return jdbc.queryForList("SELECT case_id FROM case_index WHERE school_id = ? AND pupil_ref = ? AND open", String.class, schoolId, pupilRef);
    }

    /**
     * The cases, open or closed, that hold a signal of this pupil's file at this school. A signal id alone
     * is not enough: a case at another school, for another pupil, or one that named its own signals
     * over HTTP may hold the same id.
     */
    public List<String> casesHolding(String schoolId, String pupilRef, String signalId) {
        return jdbc.queryForList("SELECT s.case_id FROM case_signal s JOIN case_index c ON c.case_id = s.case_id"
                        + " WHERE s.signal_id = ? AND s.origin = ? AND c.school_id = ? AND c.pupil_ref = ?",
                String.class, signalId, SignalOrigin.PUPIL_FILE.code(), schoolId, pupilRef);
    }

    /** Whether the case exists and is about this pupil at this school. */
    public boolean isCaseOf(String caseId, String schoolId, String pupilRef) {
        return !jdbc.queryForList("SELECT 1 FROM case_index WHERE case_id = ? AND school_id = ? AND pupil_ref = ?",
                caseId, schoolId, pupilRef).isEmpty();
    }
}
