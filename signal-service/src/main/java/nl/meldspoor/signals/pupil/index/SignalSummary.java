package nl.meldspoor.signals.pupil.index;

import java.time.Instant;
import nl.meldspoor.api.signal.SignalCategory;
import org.springframework.jdbc.core.RowMapper;

/**
 * One earlier signal, as shown when a new one is recorded: when, where, what kind — no free text.
 *
 * @param escalatedToCase the meldcode case it went into, if any
 */
public record SignalSummary(String signalId, String pupilRef, String schoolId, Instant observedAt, SignalCategory category,
                            boolean urgent, boolean corrected, String escalatedToCase) {

    static final RowMapper<SignalSummary> ROWS = (row, number) -> new SignalSummary(
            row.getString("signal_id"), row.getString("pupil_ref"), row.getString("school_id"),
            row.getTimestamp("observed_at").toInstant(), SignalCategory.valueOf(row.getString("category")),
            row.getBoolean("urgent"), row.getBoolean("corrected"), row.getString("escalated_to_case"));
}
