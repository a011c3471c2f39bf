package nl.meldspoor.signals.pupil.index;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import nl.meldspoor.api.signal.SignalCorrected;
import nl.meldspoor.api.signal.SignalRecorded;
import nl.meldspoor.api.signal.SignalsEscalated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which signals a pupil and the pupil's siblings have, kept by a subscribing processor in the same
 * transaction as the events: the moment a signal is recorded, the look-back over earlier signals
 * (also of earlier years) and over siblings is complete. Summaries only, no free text.
 */
@Component
@ProcessingGroup(SignalIndex.PROCESSING_GROUP)
public class SignalIndex {

    public static final String PROCESSING_GROUP = "signal-index";

    private final JdbcTemplate jdbc;

    public SignalIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SignalRecorded event) {
        jdbc.update("""
                INSERT INTO signal_index (signal_id, pupil_ref, family_ref, school_id, observed_at, recorded_at, category, urgent)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (signal_id) DO NOTHING""",
                event.signalId(), event.pupilRef(), event.familyRef(), event.schoolId(), timestamp(event.content().observedAt()),
                timestamp(event.occurredAt()), event.content().category().name(), event.urgentPath());
    }

    @EventHandler
    void on(SignalCorrected event) {
        jdbc.update("UPDATE signal_index SET corrected = TRUE, category = ? WHERE signal_id = ?",
                event.correctedContent().category().name(), event.signalId());
    }

    @EventHandler
    void on(SignalsEscalated event) {
        event.signals().forEach(signal ->
                jdbc.update("UPDATE signal_index SET escalated_to_case = ? WHERE signal_id = ?", event.caseId(), signal.signalId()));
    }

    /** The pupil's other signals recorded at the school, newest first: a school never sees another school's signals. */
    public List<SignalSummary> earlierSignals(String pupilRef, String schoolId, String exceptSignalId) {
        return jdbc.query("SELECT * FROM signal_index WHERE pupil_ref = ? AND school_id = ? AND signal_id <> ? ORDER BY observed_at DESC",
                SignalSummary.ROWS, pupilRef, schoolId, exceptSignalId);
    }

    /** Signals recorded at the school about these pupils (the siblings the registry knows), newest first. */
    public List<SignalSummary> signalsAt(String schoolId, Collection<String> pupilRefs) {
        if (pupilRefs.isEmpty()) {
            return List.of();
        }
        List<Object> arguments = new ArrayList<>();
        arguments.add(schoolId);
        arguments.addAll(pupilRefs);
        String placeholders = String.join(", ", Collections.nCopies(pupilRefs.size(), "?"));
        return jdbc.query("SELECT * FROM signal_index WHERE school_id = ? AND pupil_ref IN (" + placeholders + ") ORDER BY observed_at DESC",
                SignalSummary.ROWS, arguments.toArray());
    }

    private static Timestamp timestamp(Instant moment) {
        return Timestamp.from(moment);
    }
}
