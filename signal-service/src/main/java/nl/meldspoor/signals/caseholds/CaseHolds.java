package nl.meldspoor.signals.caseholds;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import nl.meldspoor.api.meldcase.CaseClosed;
import nl.meldspoor.api.meldcase.CaseOpened;
import nl.meldspoor.api.meldcase.CaseReopened;
import nl.meldspoor.api.signal.CaseHold;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.platform.consuming.PublishedEvents;
import nl.meldspoor.platform.consuming.ReplayableConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Which meldcode cases hold a pupil's signals at a school, and since when they are closed, from the case-service's
 * published events: the retention schedule hands them to the pupil file, whose rule decides (HELD_BY_CASE). Only
 * the case's identity, school, pupil and closing time are kept — nothing of its content. Idempotent: each case's
 * events arrive in order (keyed by case), and one already applied (by sequence number) changes nothing.
 */
@Component
public class CaseHolds implements ReplayableConsumer {

    public static final String NAME = "case-holds";
    /** The events that open, close or reopen a case: the only ones that change whether it holds a pupil's signals. */
    static final Set<String> HOLDING_EVENTS = Set.of(CaseOpened.class.getName(), CaseClosed.class.getName(), CaseReopened.class.getName());

    private final JdbcTemplate jdbc;
    private final PublishedEvents events;

    public CaseHolds(JdbcTemplate jdbc, PublishedEvents events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @KafkaListener(id = NAME, groupId = "signal-service." + NAME, topics = "${meldspoor.case-holds.topic}",
            containerFactory = "caseHoldsContainerFactory")
    public void on(ConsumerRecord<String, byte[]> record) {
        String type = PublishedEvents.typeOf(record);
        if (type != null && !HOLDING_EVENTS.contains(type)) {
            // most of a case's events: decoding them (texts and all) would change nothing here
            return;
        }
        PublishedEvent event = events.read(record);
        if (event.payload() instanceof CaseOpened opened) {
            jdbc.update("""
                    INSERT INTO case_hold (case_id, pupil_ref, school_id, closed_at, case_sequence) VALUES (?, ?, ?, NULL, ?)
                    ON CONFLICT (case_id) DO NOTHING""", opened.caseId(), opened.pupilRef(), opened.schoolId(), event.sequence());
        } else if (event.payload() instanceof CaseClosed closed) {
            closedAt(closed.caseId(), Timestamp.from(closed.occurredAt()), event.sequence());
        } else if (event.payload() instanceof CaseReopened reopened) {
            closedAt(reopened.caseId(), null, event.sequence());
        }
    }

    private void closedAt(String caseId, Timestamp closedAt, long sequence) {
        jdbc.update("UPDATE case_hold SET closed_at = ?, case_sequence = ? WHERE case_id = ? AND case_sequence < ?",
                closedAt, sequence, caseId, sequence);
    }

    @Override
    public String consumerName() {
        return NAME;
    }

    /** A dead letter an administrator replays is applied exactly as if it had come from the topic. */
    @Override
    public void replay(ConsumerRecord<String, byte[]> record) {
        on(record);
    }

    /** The pupil's cases at the school, open ones with no closing time. */
    public List<CaseHold> of(String pupilRef, String schoolId) {
        return jdbc.query("SELECT case_id, school_id, closed_at FROM case_hold WHERE pupil_ref = ? AND school_id = ?",
                (row, n) -> {
                    Timestamp closed = row.getTimestamp("closed_at");
                    Instant closedAt = closed == null ? null : closed.toInstant();
                    return new CaseHold(row.getString("case_id"), row.getString("school_id"), closedAt);
                }, pupilRef, schoolId);
    }
}
